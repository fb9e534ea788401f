; HallClient installer: NSIS 3, Unicode, Modern UI 2, Simplified Chinese and English.
;
; Built by `python dev.py installer` (Windows: after the PyInstaller build), which runs
;   makensis /DVERSION=<pyproject version> /DDIST_DIR=dist\HallClient installer.nsi
; Optional: /DOUT_FILE=<path> for the setup file, /DFAST to skip compression (the CI check).
;
; Per-machine install into Program Files; Start-menu shortcuts and an optional desktop one;
; registered in Apps & features with version, publisher and size; installing over an older
; version replaces the program in place.  The user's configuration, local database and logs
; live in %LOCALAPPDATA%\HallClient, never under Program Files: an upgrade leaves them alone,
; and so does the uninstaller unless "Remove my data" is ticked.  /S installs silently.

Unicode true
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=x.y.z installer.nsi (python dev.py installer does)"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "dist\HallClient"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "dist\HallClient-${VERSION}-setup.exe"
!endif

!define APP_NAME "HallClient"
!define APP_EXE "HallClient.exe"
!define PUBLISHER "HallClient project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
; The folder of an earlier install is read in .onInit, in the 64-bit registry view
; (InstallDirRegKey would read before .onInit, in the 32-bit view, and miss it).
RequestExecutionLevel admin
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ABORTWARNING
; No "run HallClient now": it would run elevated, as the administrator who installed it,
; and put its settings and database in that administrator's profile, not the clerk's.
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SEC_PROGRAM ${LANG_SIMPCHINESE} "HallClient 程序（必需）"
LangString SEC_PROGRAM ${LANG_ENGLISH} "HallClient program (required)"
LangString SEC_DESKTOP ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_REMOVE_PROGRAM ${LANG_SIMPCHINESE} "删除程序"
LangString SEC_REMOVE_PROGRAM ${LANG_ENGLISH} "Remove the program"
LangString SEC_REMOVE_DATA ${LANG_SIMPCHINESE} "删除我的数据（配置、本地数据库、日志）"
LangString SEC_REMOVE_DATA ${LANG_ENGLISH} "Remove my data (settings, local database, logs)"
LangString DESC_PROGRAM ${LANG_SIMPCHINESE} "营业厅柜台程序及其运行所需的全部文件。"
LangString DESC_PROGRAM ${LANG_ENGLISH} "The counter program and everything it needs to run."
LangString DESC_DESKTOP ${LANG_SIMPCHINESE} "在所有用户的桌面上放置 HallClient 图标。"
LangString DESC_DESKTOP ${LANG_ENGLISH} "Put a HallClient icon on every user's desktop."
LangString DESC_REMOVE_DATA ${LANG_SIMPCHINESE} "同时删除当前 Windows 用户的配置、本地数据库和日志。不勾选则保留，重新安装后可继续使用。"
LangString DESC_REMOVE_DATA ${LANG_ENGLISH} "Also delete this Windows user's settings, local database and logs. Unticked, they stay for a later install."
LangString UNINSTALL_LINK ${LANG_SIMPCHINESE} "卸载 HallClient"
LangString UNINSTALL_LINK ${LANG_ENGLISH} "Uninstall HallClient"
LangString STILL_RUNNING ${LANG_SIMPCHINESE} "HallClient（或其命令行工具）正在运行。请先退出，再点击“重试”。"
LangString STILL_RUNNING ${LANG_ENGLISH} "HallClient (or its command-line tool) is running. Please quit it first, then choose Retry."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "HallClient needs 64-bit Windows. / HallClient 需要 64 位 Windows。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ; An upgrade goes where the earlier version is, unless /D= names another folder
  ${If} $INSTDIR == "$PROGRAMFILES64\${APP_NAME}"
    ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; The program files of an older version go first, so nothing stale stays behind; the
; user's data are elsewhere (%LOCALAPPDATA%\HallClient) and are not touched.
!macro RemoveProgramFiles
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\hallclient-cli.exe"
  Delete "$INSTDIR\VERSION"
!macroend

; Both programs must be closed before their files go: a running .exe cannot be deleted.
!macro WaitUntilClosed ID
  retry_${ID}:
  ClearErrors
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\hallclient-cli.exe"
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(STILL_RUNNING)" /SD IDCANCEL IDRETRY retry_${ID}
    Abort
  ${EndIf}
!macroend

Section "!$(SEC_PROGRAM)" SecProgram
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  !insertmacro WaitUntilClosed install
  !insertmacro RemoveProgramFiles
  File /r "${DIST_DIR}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(UNINSTALL_LINK).lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

Section "un.$(SEC_REMOVE_PROGRAM)" SecRemoveProgram
  SectionIn RO
  SetShellVarContext all
  !insertmacro WaitUntilClosed uninstall
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default, and never in a silent uninstall: the data stay unless asked.  It
; removes the data of the Windows user who runs the uninstaller (each clerk has their own).
Section /o "un.$(SEC_REMOVE_DATA)" SecRemoveData
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${APP_NAME}"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} $(DESC_PROGRAM)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(DESC_DESKTOP)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecRemoveData} $(DESC_REMOVE_DATA)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
