@echo off
rem lkjip-xl $version (windows): install, or upgrade in place, from this bundle. No package index is used.
rem Settings (optional): LKJIP_XL_HOME = the virtual environment (default %USERPROFILE%\lkjip),
rem LKJIP_XL_PYTHON = the Python 3.11-3.13 to create it with (default: the newest one the py launcher knows),
rem LKJIP_XL_NO_PAUSE = 1 to close without waiting for a key (when IT runs it from another script).
setlocal
set "WHEELS=%~dp0wheels"
if not defined LKJIP_XL_HOME set "LKJIP_XL_HOME=%USERPROFILE%\lkjip"
set "VENV=%LKJIP_XL_HOME%"
set "SUPPORTED=import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))"

if exist "%VENV%\Scripts\python.exe" "%VENV%\Scripts\python.exe" -c "%SUPPORTED%" >nul 2>&1 && goto install

set "PY="
if defined LKJIP_XL_PYTHON set "PY=%LKJIP_XL_PYTHON%"
if not defined PY py -3.13 -c "%SUPPORTED%" >nul 2>&1 && set "PY=py -3.13"
if not defined PY py -3.12 -c "%SUPPORTED%" >nul 2>&1 && set "PY=py -3.12"
if not defined PY py -3.11 -c "%SUPPORTED%" >nul 2>&1 && set "PY=py -3.11"
if not defined PY python -c "%SUPPORTED%" >nul 2>&1 && set "PY=python"
if not defined PY goto nopython
echo Membuat / creating %VENV%
%PY% -m venv --clear "%VENV%" || goto failed

:install
rem Only this bundle's wheels; the second line puts this bundle's lkjip-xl in place even when the version
rem number is the one already installed.
"%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%WHEELS%" --upgrade --upgrade-strategy eager "lkjip-xl==$version" || goto failed
"%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%WHEELS%" --force-reinstall --no-deps "lkjip-xl==$version" || goto failed
"%VENV%\Scripts\lkjip-xl.exe" --version || goto failed
echo Tutup Excel sebelum memasang add-in / quit Excel before the add-in is installed.
"%VENV%\Scripts\lkjip-xl.exe" addin install || goto failed
echo Selesai / done: %VENV%\Scripts\lkjip-xl.exe
goto end

:nopython
echo GAGAL / FAILED: Python 3.11, 3.12 atau 3.13 tidak ditemukan; pasang dari https://www.python.org/downloads/ / Python 3.11-3.13 not found
set "FAILED=1"
goto end

:failed
echo GAGAL / FAILED: lihat pesan di atas / see the messages above
set "FAILED=1"

:end
if not defined LKJIP_XL_NO_PAUSE pause
if defined FAILED exit /b 1
exit /b 0
