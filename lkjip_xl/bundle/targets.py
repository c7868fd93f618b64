"""What a bundle is built for: each platform's machines, and the Pythons we support on them.

pip can download wheels for another platform (``--platform``, ``--python-version``...), but it evaluates the
environment markers of dependencies (``pywin32; platform_system == "Windows"``) against the machine it runs
on. So a target also carries the marker environment of the machine the bundle is for; the closure of
requirements is computed with it (closure.py), never with this machine's.
"""

from __future__ import annotations

from dataclasses import dataclass

from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms

PYTHONS = ("3.11", "3.12", "3.13")  # requires-python >= 3.11; the newest we have checked the wheels of
PLATFORMS = ("windows", "macos", "linux")
MACOS_MINIMUM = (12, 0)  # scipy ships no arm64 wheel for older macOS
LINUX_GLIBC_MINIMUM = 28  # manylinux_2_28 (RHEL 8, Debian 10, Ubuntu 18.10 and later)


@dataclass(frozen=True)
class Arch:
    """One kind of machine of a platform: the wheel platform tags it runs, and its marker values."""

    name: str  # as shown to people
    pip_platforms: tuple[str, ...]  # what pip download --platform gets (pip widens macosx_* itself)
    platforms: tuple[str, ...]  # every wheel platform tag the machine accepts, most specific first
    sys_platform: str
    platform_system: str
    os_name: str
    platform_machine: str


def _manylinux(arch: str) -> tuple[str, ...]:
    modern = tuple(f"manylinux_2_{minor}_{arch}" for minor in range(LINUX_GLIBC_MINIMUM, 16, -1))
    return modern + (f"manylinux2014_{arch}", f"manylinux2010_{arch}", f"manylinux1_{arch}")


def _macos(arch: str) -> Arch:
    first = f"macosx_{MACOS_MINIMUM[0]}_{MACOS_MINIMUM[1]}_{arch}"
    return Arch(
        name=f"macOS {arch}",
        pip_platforms=(first,),
        platforms=tuple(mac_platforms(MACOS_MINIMUM, arch)),
        sys_platform="darwin",
        platform_system="Darwin",
        os_name="posix",
        platform_machine=arch,
    )


ARCHES: dict[str, tuple[Arch, ...]] = {
    # Python from python.org on 64-bit Windows 10/11 (Windows on ARM runs it too, emulated).
    "windows": (Arch("Windows x64", ("win_amd64",), ("win_amd64",), "win32", "Windows", "nt", "AMD64"),),
    # Intel and Apple silicon Macs: a bundle holds both kinds of wheel (or universal2 where that exists).
    "macos": (_macos("x86_64"), _macos("arm64")),
    "linux": (
        Arch("Linux x86_64", _manylinux("x86_64"), _manylinux("x86_64"), "linux", "Linux", "posix", "x86_64"),
    ),
}


@dataclass(frozen=True)
class Target:
    """One Python version on one kind of machine: what one ``pip download`` run fetches for."""

    arch: Arch
    python: str  # "3.12"

    @property
    def abi(self) -> str:
        return "cp" + self.python.replace(".", "")

    @property
    def label(self) -> str:
        return f"Python {self.python}, {self.arch.name}"

    def tags(self) -> list[Tag]:
        """Every wheel tag pip on that machine would install (compiled for it, abi3, pure Python), best first."""
        version = tuple(int(part) for part in self.python.split("."))
        platforms = list(self.arch.platforms)
        return list(cpython_tags(version, [self.abi], platforms)) + list(compatible_tags(version, self.abi, platforms))

    def markers(self) -> dict[str, str]:
        """The environment markers of dependencies are evaluated with (PEP 508)."""
        full = f"{self.python}.0"
        return {
            "implementation_name": "cpython",
            "implementation_version": full,
            "os_name": self.arch.os_name,
            "platform_machine": self.arch.platform_machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": self.arch.platform_system,
            "platform_version": "",
            "python_full_version": full,
            "python_version": self.python,
            "sys_platform": self.arch.sys_platform,
        }

    def pip_options(self) -> list[str]:
        options = ["--only-binary=:all:", "--implementation", "cp", "--python-version", self.python]
        options += ["--abi", self.abi, "--abi", "abi3", "--abi", "none"]
        for platform in self.arch.pip_platforms:
            options += ["--platform", platform]
        return options


def targets(platform: str) -> list[Target]:
    return [Target(arch, python) for arch in ARCHES[platform] for python in PYTHONS]
