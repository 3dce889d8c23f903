; The Windows installer: per user (no admin, no UAC prompt), a Start-menu entry, .smpolicy files
; opening in the app with its icon, and an uninstaller listed in Settings > Apps.
; `.ci/build --target windows` defines VERSION, BUNDLE, OUTFILE, ICON, PUBLISHER, COPYRIGHT, SUMMARY.
Target amd64-unicode ; a 64-bit installer (and uninstaller) for the 64-bit app
SetCompressor /SOLID lzma
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define APP "smpolicy"
!define PROGID "smpolicy.project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define SHCNE_ASSOCCHANGED 0x08000000
; smpolicy holds this named mutex while it runs (main.py, RUNNING_MUTEX); SYNCHRONIZE access
!define RUNNING_MUTEX "smpolicy.running"
!define SYNCHRONIZE 0x00100000

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ManifestDPIAware true
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "${COPYRIGHT}"
VIAddVersionKey "FileDescription" "${APP} installer: ${SUMMARY}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP}.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; Replacing or removing the files of a running smpolicy breaks it (its _internal folder goes from
; under it) and leaves what Windows keeps open: ask the user to close it first. A silent run
; (/S) changes nothing and ends with exit code 2.
!macro RefuseWhileRunning WHAT
  retry:
  System::Call 'kernel32::OpenMutexW(i ${SYNCHRONIZE}, i 0, w "${RUNNING_MUTEX}") p .r0'
  ${If} $0 P<> 0
    System::Call 'kernel32::CloseHandle(p r0)'
    ${If} ${Silent}
      SetErrorLevel 2
      Quit
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \
      "smpolicy is open. Save your work and close smpolicy, then click Retry to ${WHAT}." \
      IDRETRY retry
    SetErrorLevel 2
    Quit
  ${EndIf}
!macroend

Function .onInit
  !insertmacro RefuseWhileRunning "install it"
FunctionEnd

Function un.onInit
  !insertmacro RefuseWhileRunning "remove it"
FunctionEnd

Section
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal" ; an older version's files go first
  File /r "${BUNDLE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${APP}.exe"

  WriteRegStr HKCU "Software\Classes\.smpolicy" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "smpolicy project"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP}.exe" "%1"'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2 ; Settings > Apps shows the size (in KB)
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP}.exe"
  Delete "$INSTDIR\${APP}-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR" ; only if empty: nothing the owner put there is removed
  RMDir /r "$LOCALAPPDATA\${APP}\${APP}\Cache" ; the app's cache of its templates
  RMDir "$LOCALAPPDATA\${APP}\${APP}\autosave" ; only if empty: unsaved work stays
  Delete "$LOCALAPPDATA\${APP}\${APP}\saving\*.lock" ; saves' own locks; not File > Versions
  RMDir "$LOCALAPPDATA\${APP}\${APP}\saving"
  RMDir "$LOCALAPPDATA\${APP}\${APP}\versions" ; only if empty: the saved versions stay
  RMDir "$LOCALAPPDATA\${APP}\${APP}"
  RMDir "$LOCALAPPDATA\${APP}"

  ReadRegStr $0 HKCU "Software\Classes\.smpolicy" ""
  StrCmp $0 "${PROGID}" 0 +2 ; another program took the file type since: leave it
    DeleteRegKey HKCU "Software\Classes\.smpolicy"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}" ; window size and recent files; projects stay
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd
