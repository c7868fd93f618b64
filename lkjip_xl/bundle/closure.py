"""Which wheels in a folder a target installs: lkjip-xl's requirements followed through the wheels' metadata.

The markers are evaluated for the target (targets.py), so a Windows bundle gets pywin32 even when it is built
on Linux. A requirement no wheel in the folder satisfies for the target is reported as missing: the build
downloads it and looks again, and the tests use the same walk to show a bundle is complete.
"""

from __future__ import annotations

import email.message
import email.parser
import functools
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from .targets import Target


@dataclass(frozen=True, eq=False)
class Wheel:
    path: Path
    name: str  # canonical
    version: Version
    tags: frozenset

    @classmethod
    def read(cls, path: Path) -> Wheel:
        name, version, _build, tags = parse_wheel_filename(path.name)
        return cls(path, canonicalize_name(name), version, frozenset(tags))

    @functools.cached_property
    def metadata(self) -> email.message.Message:
        with zipfile.ZipFile(self.path) as archive:
            metadata = next(
                entry for entry in archive.namelist() if entry.count("/") == 1 and entry.endswith(".dist-info/METADATA")
            )
            return email.parser.BytesParser().parsebytes(archive.read(metadata), headersonly=True)

    def requires(self) -> list[Requirement]:
        return [Requirement(line) for line in self.metadata.get_all("Requires-Dist") or []]

    def runs_on(self, python: str) -> bool:
        """Requires-Python admits ``python`` ("3.12"): pure-Python wheels say which versions they need only here."""
        wanted = self.metadata.get("Requires-Python")
        return not wanted or SpecifierSet(wanted).contains(f"{python}.0", prereleases=True)


@dataclass
class Closure:
    """The wheels a target installs, and the requirements nothing in the folder satisfies."""

    wheels: dict[str, Wheel] = field(default_factory=dict)
    missing: list[tuple[Requirement, str]] = field(default_factory=list)  # with the extra that asked for it


def wheels_in(folder: Path) -> list[Wheel]:
    return [Wheel.read(path) for path in sorted(folder.glob("*.whl"))]


def closure(root: str, wheels: list[Wheel], target: Target) -> Closure:
    """Follow ``root``'s requirements for ``target``: the newest fitting wheel of each, then its requirements."""
    rank = {tag: index for index, tag in reversed(list(enumerate(target.tags())))}  # lower is better
    environment = target.markers()
    found = Closure()
    queue = [(Requirement(root), "")]
    seen: set[tuple[str, str]] = set()
    while queue:
        requirement, extra = queue.pop(0)
        name = canonicalize_name(requirement.name)
        if requirement.marker and not requirement.marker.evaluate({**environment, "extra": extra}):
            continue
        candidates = [
            wheel
            for wheel in wheels
            if wheel.name == name
            and wheel.tags & rank.keys()
            and requirement.specifier.contains(wheel.version, prereleases=True)
            and wheel.runs_on(target.python)
        ]
        if not candidates:
            found.missing.append((requirement, extra))
            continue
        # pip's choice: the newest version, then the wheel made most specifically for the machine.
        best = max(candidates, key=lambda wheel: (wheel.version, -min(rank.get(tag, len(rank)) for tag in wheel.tags)))
        chosen = found.wheels.get(name) or best
        found.wheels[name] = chosen
        for wanted in [""] + sorted(requirement.extras):
            if (name, wanted) in seen:
                continue
            seen.add((name, wanted))
            queue.extend((sub, wanted) for sub in chosen.requires())
    return found


def as_pip_argument(requirement: Requirement) -> str:
    """A missing requirement for ``pip download``: name, extras and versions, without the (target's) marker."""
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"
