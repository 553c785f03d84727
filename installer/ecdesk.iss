; Inno Setup script for ecdesk's Windows installer (Inno Setup 6.3 or newer).
;
; installer\build_windows.cmd builds the bundle (dist\ecdesk) and then runs
;     iscc /DAppVersion=X.Y.Z installer\ecdesk.iss
; which writes dist\ecdesk-X.Y.Z-setup.exe. Paths below are relative to this file's folder.
;
; A per-user install: no administrator rights, the program goes to
; %LOCALAPPDATA%\Programs\ecdesk, the shortcut to the user's Start menu, and the uninstaller is
; listed under Settings > Apps. The shop files in %APPDATA%\ecdesk are the user's: neither an
; upgrade nor the uninstaller touches them.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z installer\ecdesk.iss
#endif

[Setup]
; The AppId identifies ecdesk to Windows across versions: never change it.
AppId={{6F1C0E52-3B7A-4C1E-9F3D-1E2A6B8C4D70}
AppName=ecdesk
AppVersion={#AppVersion}
AppVerName=ecdesk {#AppVersion}
AppPublisher=ecdesk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\ecdesk
DisableProgramGroupPage=yes
DisableDirPage=auto
; Qt 6 runs on 64-bit Windows 10 and newer.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=ecdesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\ecdesk.ico
UninstallDisplayIcon={app}\ecdesk.exe
UninstallDisplayName=ecdesk
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; A running ecdesk holds its files open: offer to close it before an upgrade.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder whole: a module left over from an older
; version could otherwise be found and loaded by the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\ecdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ecdesk"; Filename: "{app}\ecdesk.exe"; Comment: "Offline store management"
Name: "{autodesktop}\ecdesk"; Filename: "{app}\ecdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ecdesk.exe"; Description: "{cm:LaunchProgram,ecdesk}"; Flags: nowait postinstall skipifsilent
