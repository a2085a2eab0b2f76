; Inno Setup 6 script: installs the one-folder bundle built by packaging/build.py. build.py --installer runs
;   iscc /DAppVersion=… /DBundleDir=… /DIconFile=… /DOutputDir=… /DOutputName=… packaging\windows\sfjwt-gui.iss
; Per-user by default (no administrator prompt); "Install for all users" is offered in the dialog.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\build\bundle\sfjwt-gui"
#endif
#ifndef IconFile
  #define IconFile "..\build\icons\sfjwt-gui.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputName
  #define OutputName "sfjwt-gui-setup"
#endif

[Setup]
AppId={{6F1B7E2A-5C3D-4E8F-9A41-2B7D0C5E9F13}
AppName=sfjwt-gui
AppVersion={#AppVersion}
AppPublisher=sfjwt-gui developers
AppPublisherURL=https://github.com/sfjwt-gui/sfjwt-gui
DefaultDirName={autopf}\sfjwt-gui
DefaultGroupName=sfjwt-gui
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\sfjwt-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add sfjwt (command line) to PATH"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\sfjwt-gui"; Filename: "{app}\sfjwt-gui.exe"
Name: "{group}\sfjwt-gui (practice org)"; Filename: "{app}\sfjwt-gui.exe"; Parameters: "--practice"
Name: "{autodesktop}\sfjwt-gui"; Filename: "{app}\sfjwt-gui.exe"; Tasks: desktopicon

[Registry]
; per-user PATH entry for sfjwt.exe, removed again on uninstall (only when the task was chosen)
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
  Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\sfjwt-gui.exe"; Description: "{cm:LaunchProgram,sfjwt-gui}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    Path := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    exit;
  Dir := ExpandConstant('{app}');
  P := Pos(';' + Uppercase(Dir), Uppercase(Path));
  if P > 0 then
  begin
    Delete(Path, P, Length(Dir) + 1);
    RegWriteExpandStringValue(HKCU, 'Environment', 'Path', Path);
  end;
end;
