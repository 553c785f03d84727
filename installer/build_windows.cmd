@echo off
rem Build ecdesk's Windows installer: the bundle in dist\ecdesk, then dist\ecdesk-VERSION-setup.exe.
rem Needs Python 3.11 or newer and Inno Setup 6.3 or newer (https://jrsoftware.org/isinfo.php).
rem Run it from anywhere: installer\build_windows.cmd
setlocal
cd /d "%~dp0.."

rem The development environment (.venv) with PyInstaller, made or updated by bootstrap.py.
set "PY=py -3"
where py >nul 2>nul || set "PY=python"
%PY% -c "import bootstrap; bootstrap.ensure_environment(True)" || goto failed

.venv\Scripts\python.exe installer\build.py || goto failed
rem The bundle must start: the console twin prints the self-test's result.
dist\ecdesk\ecdesk-cli.exe --selftest || goto failed

for /f "delims=" %%v in ('.venv\Scripts\python.exe -c "import ecdesk; print(ecdesk.__version__)"') do set "VERSION=%%v"

set "ISCC="
for %%i in (iscc.exe) do set "ISCC=%%~$PATH:i"
if not defined ISCC if exist "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" set "ISCC=%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
if not defined ISCC if exist "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" set "ISCC=%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe"
if not defined ISCC goto no_inno
"%ISCC%" /Q /DAppVersion=%VERSION% installer\ecdesk.iss || goto failed

echo Installer: dist\ecdesk-%VERSION%-setup.exe
exit /b 0

:no_inno
echo Inno Setup 6 was not found: install it from https://jrsoftware.org/isinfo.php, or put ISCC.exe on the PATH. 1>&2
exit /b 1

:failed
echo The build stopped: see the message above. 1>&2
exit /b 1
