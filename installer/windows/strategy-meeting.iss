; SPDX-License-Identifier: LicenseRef-Proprietary
; Inno Setup 6 script for Strategy Meeting on Windows 10/11 (x64).
;
; Build on Windows, from the repository root:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[bundle]"
;   .venv\Scripts\python installer\build.py
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\strategy-meeting.iss
; The result is dist\StrategyMeeting-<version>-setup.exe. Sign it (and the two .exe files in
; dist\strategy-meeting before packing) with the authority's code-signing certificate:
;   signtool sign /fd SHA256 /tr <timestamp URL> /td SHA256 /a <file>
;
; Silent install for software deployment (Intune, SCCM, Group Policy):
;   StrategyMeeting-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
; The uninstaller never removes records: the encrypted store lives in the user's profile
; (%LOCALAPPDATA%\StrategyMeeting) and its backups wherever they were configured.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Strategy Meeting"
#define AppExe "strategy-meeting.exe"
#define AppCli "strategy-meeting-cli.exe"
#define Bundle "..\..\dist\strategy-meeting"

[Setup]
AppId={{6F1C8B52-3E2A-4D4B-9B7E-5A0C2E9D7F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Strategy Meeting contributors
DefaultDirName={autopf}\Strategy Meeting
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine by default (IT installs it once); a user without admin rights may choose per-user.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=StrategyMeeting-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\strategy-meeting.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the command line (strategy-meeting-cli) to PATH, for scripted backups"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Record strategy discussions and send signed minutes"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; PATH entry for the command line, removed again on uninstall.
Root: HKA; Subkey: "{code:EnvironmentKey}"; ValueType: expandsz; ValueName: "Path"; \
  ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself may have left beside the program; never the data folder.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function EnvironmentKey(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function NeedsAddPath(Dir: String): Boolean;
var
  Paths: String;
  RootKey: Integer;
begin
  if IsAdminInstallMode then RootKey := HKEY_LOCAL_MACHINE else RootKey := HKEY_CURRENT_USER;
  if not RegQueryStringValue(RootKey, EnvironmentKey(''), 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Dir: String;
  RootKey, P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then exit;
  if IsAdminInstallMode then RootKey := HKEY_LOCAL_MACHINE else RootKey := HKEY_CURRENT_USER;
  Dir := ExpandConstant('{app}');
  if RegQueryStringValue(RootKey, EnvironmentKey(''), 'Path', Paths) then
  begin
    P := Pos(';' + Uppercase(Dir), Uppercase(Paths));
    if P > 0 then
    begin
      Delete(Paths, P, Length(Dir) + 1);
      RegWriteExpandStringValue(RootKey, EnvironmentKey(''), 'Path', Paths);
    end;
  end;
end;
