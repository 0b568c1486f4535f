; Inno Setup 6 script: the Windows installer of 公报编辑器 (layer: packaging).
;
; Wraps the PyInstaller one-folder bundle (dist\gongbao, built by packaging\gongbao.spec)
; into one setup .exe: per-machine install (Program Files, asks for administrator rights)
; or, chosen in the first dialog or with /CURRENTUSER, per-user install without them;
; Start-menu entries, an optional desktop icon, the .gazette file association, an
; uninstaller (Settings → Apps), Simplified Chinese wizard.  The version is read from
; gongbao.exe, whose VERSIONINFO packaging\versioninfo.py wrote from editor.__version__.
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\gongbao.iss
;     → dist\installer\gongbao-setup-<version>.exe
;
; Needs Inno Setup 6.4 or later; Languages\ChineseSimplified.isl ships with 6.5+, for an
; older compiler copy that translation into its Languages folder.

#define AppName "公报编辑器"
#define AppExe "gongbao.exe"
#define CliExe "gongbao-cli.exe"
#define DistDir AddBackslash(SourcePath) + "..\dist\gongbao"
#define AppVersion GetVersionNumbersString(DistDir + "\" + AppExe)
#if AppVersion == ""
  #error dist\gongbao\gongbao.exe 不存在或没有版本信息：请先运行 pyinstaller packaging\gongbao.spec
#endif
#define ProgId "GongbaoEditor.Project"

[Setup]
AppId={{6C1F3E2A-9B4D-4F7E-A2C8-3D5E7B9A1C04}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=东西湖区人民政府办公室
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
DefaultDirName={autopf}\GongbaoEditor
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourcePath}\..\dist\installer
OutputBaseFilename=gongbao-setup-{#AppVersion}
SetupIconFile={#SourcePath}\..\resources\icons\gongbao.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chs.AssocTask=用公报编辑器打开 .gazette 项目文件
chs.GazetteFile=公报项目文件
chs.CliShortcut=公报编辑器命令行
chs.Uninstall=卸载公报编辑器
en.AssocTask=Open .gazette project files with Gongbao Editor
en.GazetteFile=Gazette project file
en.CliShortcut=Gongbao Editor command line
en.Uninstall=Uninstall Gongbao Editor

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "assoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k ""cd /d ""{userdocs}"" && ""{app}\{#CliExe}"" --help"""; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{cm:Uninstall}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .gazette → ProgID → "gongbao.exe" "%1" (HKA: HKLM per machine, HKCU per user)
Root: HKA; Subkey: "Software\Classes\.gazette"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\.gazette\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:GazetteFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".gazette"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; converted-font and layout caches of the user who uninstalls (settings and projects stay)
Type: filesandordirs; Name: "{localappdata}\GongbaoEditor\cache"
