; cdrdesk — Windows installer (NSIS 3, Modern UI 2, English and Simplified Chinese).
;
; This file is UTF-8 with a byte-order mark: keep the BOM, makensis reads the Chinese
; strings below through it whatever the build machine's locale is.
;
; Build (Linux, Debian's nsis package, makensis 3.08), from the module root:
;
;   convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 .cache/cdrdesk.ico
;   makensis -V2 -NOCD -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DEXE=.cache/cdrdesk.exe \
;       -DICON=.cache/cdrdesk.ico -DOUTFILE=dist/cdrdesk-0.1.0-setup.exe assets/installer/cdrdesk.nsi
;
; Defines (all required but OUTFILE and TARGET):
;   VERSION   the app's version as users see it, e.g. 0.1.0 (FyneApp.toml's Version);
;             shown in "Apps & features" (DisplayVersion) and in the setup's file properties.
;   VERSION4  the same as four numbers a.b.c.d for the file's version resource (VIProductVersion),
;             e.g. 0.1.0.1 (Version plus FyneApp.toml's Build).
;   EXE       the Windows build of cdrdesk (cdrdesk.exe, windows/amd64).
;   ICON      the .ico made from assets/icon.png by the convert command above (ImageMagick).
;             It is the setup's and uninstaller's icon, and it is installed next to the exe as
;             cdrdesk.ico for the shortcuts and "Apps & features", so they show the app's icon
;             even when the exe carries no icon resource.
;   OUTFILE   where to write the setup program; default cdrdesk-${VERSION}-setup.exe.
;   TARGET    NSIS stub, default amd64-unicode: cdrdesk.exe is 64-bit anyway, and a 64-bit setup
;             also runs under a 64-bit-only Wine (no wine32) in CI. x86-unicode compiles too
;             (not tested here: it needs wine32).
;
; Paths: makensis changes into the script's folder (assets/installer/) before it reads the script,
; so EXE, ICON and OUTFILE given as relative paths are taken relative to assets/installer/ —
; unless makensis is given -NOCD (as above), which keeps the caller's working directory. Absolute
; paths work either way. The script finds its own welcome.bmp in both cases. makensis does not
; create OUTFILE's folder: mkdir -p it first.
;
; Command line of the setup program (besides NSIS's /S = silent and /D=C:\dir = install folder,
; which must come last and be unquoted):
;   /LANG=1033 or /LANG=2052   English or Simplified Chinese without asking (the language dialog is
;                              otherwise shown once, preselecting Windows' display language).
;   /NODESKTOP                 no desktop shortcut (e.g. for a silent install by IT).
; Exit code: 0 installed, 1 cancelled by the user, 2 failed (e.g. cdrdesk was running in a /S install).
; Uninstall silently: "%LOCALAPPDATA%\Programs\cdrdesk\uninstall.exe" /S
;
; What it installs (per user, no administrator rights): cdrdesk.exe, cdrdesk.ico and uninstall.exe
; in $LOCALAPPDATA\Programs\cdrdesk; a Start-menu shortcut; optionally a desktop shortcut; the keys
; HKCU\Software\cdrdesk and HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cdrdesk.
; It never touches the user's data: %APPDATA%\cdrdesk (profiles), %APPDATA%\fyne\io.github.cdrdesk
; (preferences) and the "cdrdesk" entries of Windows Credential Manager (passwords). An upgrade
; replaces the program files only; the uninstaller removes only what is listed above.

Unicode true
!ifndef TARGET
  !define TARGET amd64-unicode
!endif
Target ${TARGET}
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef VERSION
  !error "Pass -DVERSION=x.y.z (see the top of this script)"
!endif
!ifndef VERSION4
  !error "Pass -DVERSION4=a.b.c.d (see the top of this script)"
!endif
!ifndef EXE
  !error "Pass -DEXE=path/to/cdrdesk.exe (see the top of this script)"
!endif
!ifndef ICON
  !error "Pass -DICON=path/to/cdrdesk.ico (see the top of this script)"
!endif
!ifndef OUTFILE
  !define OUTFILE "cdrdesk-${VERSION}-setup.exe"
!endif
!if ! /FileExists "${EXE}"
  !error "EXE not found: ${EXE} (a relative path is taken from makensis' working directory with -NOCD, else from assets/installer/)"
!endif
!if ! /FileExists "${ICON}"
  !error "ICON not found: ${ICON} (a relative path is taken from makensis' working directory with -NOCD, else from assets/installer/)"
!endif

!define APP "cdrdesk"
!define APPKEY "Software\cdrdesk"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\cdrdesk"
!define UNINSTEXE "uninstall.exe"

Name "${APP}"
OutFile "${OUTFILE}"
BrandingText "${APP} ${VERSION}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${APPKEY}" "InstallDir"
ShowInstDetails hide
ShowUninstDetails hide

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include Sections.nsh

;--------------------------------
; Look

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
; The picture on the left of the welcome and finish pages (164x314, 8-bit BMP), made once with:
;   convert -size 164x314 gradient:'#FFFFFF'-'#DCE8F8' \( assets/icon.png -resize 104x104 \) \
;     -gravity north -geometry +0+64 -composite -font DejaVu-Sans-Bold -pointsize 19 \
;     -fill '#1F5BB5' -annotate +0+182 cdrdesk -alpha off -colors 256 -type Palette \
;     -compress none BMP3:assets/installer/welcome.bmp
; ${__FILEDIR__} is this script's folder as makensis was given it: right with -NOCD or an
; absolute script path; without -NOCD the working directory already is this folder.
!if /FileExists "${__FILEDIR__}/welcome.bmp"
  !define WELCOMEBMP "${__FILEDIR__}/welcome.bmp"
!else
  !define WELCOMEBMP "welcome.bmp"
!endif
!define MUI_WELCOMEFINISHPAGE_BITMAP "${WELCOMEBMP}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC

; The language dialog: shown once (unless /LANG= or /S), preselecting Windows' display language,
; offering both languages whatever the system's code page is, and remembered for the next run and
; for the uninstaller.
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${APPKEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_WINDOWTITLE "cdrdesk"
!define MUI_LANGDLL_INFO "Please select a language.$\r$\n请选择安装语言。"

;--------------------------------
; Pages

!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\cdrdesk.exe"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UnConfirmText)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback when Windows' language is neither of these.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_RESERVEFILE_LANGDLL

;--------------------------------
; Strings (every one in both languages)

LangString WelcomeText ${LANG_ENGLISH} "This will install cdrdesk ${VERSION}, which downloads call records from your PBX, on your computer.$\r$\n$\r$\nIf cdrdesk is already installed, it will be updated. Your connection settings and saved passwords are kept.$\r$\n$\r$\nPlease close cdrdesk before you continue.$\r$\n$\r$\n$_CLICK"
LangString WelcomeText ${LANG_SIMPCHINESE} "此程序将在你的电脑上安装 cdrdesk ${VERSION}（从电话交换机下载通话记录的工具）。$\r$\n$\r$\n如果已经安装了 cdrdesk，它将被更新，你的连接设置和已保存的密码都会保留。$\r$\n$\r$\n继续之前，请先关闭 cdrdesk。$\r$\n$\r$\n$_CLICK"

LangString SecMainName ${LANG_ENGLISH} "cdrdesk (program and Start menu shortcut)"
LangString SecMainName ${LANG_SIMPCHINESE} "cdrdesk（程序和开始菜单快捷方式）"
LangString SecMainDesc ${LANG_ENGLISH} "The cdrdesk program and its shortcut in the Start menu. Required."
LangString SecMainDesc ${LANG_SIMPCHINESE} "cdrdesk 程序及其开始菜单快捷方式。必须安装。"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopName ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktopDesc ${LANG_ENGLISH} "Put a cdrdesk icon on the desktop."
LangString SecDesktopDesc ${LANG_SIMPCHINESE} "在桌面上放一个 cdrdesk 图标。"
; The name on the shortcuts and in "Apps & features": in Chinese it says what the program is,
; so that typing 通话 in the Start menu finds it (the Linux menu entry uses the same name).
!define NAME_EN "cdrdesk"
!define NAME_ZH "cdrdesk 通话记录"
LangString ShortcutName ${LANG_ENGLISH} "${NAME_EN}"
LangString ShortcutName ${LANG_SIMPCHINESE} "${NAME_ZH}"
LangString ShortcutComment ${LANG_ENGLISH} "Download call records from the PBX"
LangString ShortcutComment ${LANG_SIMPCHINESE} "从电话交换机下载通话记录"

LangString MsgRunning ${LANG_ENGLISH} "cdrdesk is running, so it cannot be updated now.$\r$\n$\r$\nPlease close cdrdesk (all its windows), then click Retry.$\r$\nClick Cancel to stop."
LangString MsgRunning ${LANG_SIMPCHINESE} "cdrdesk 正在运行，现在无法更新。$\r$\n$\r$\n请关闭 cdrdesk（所有窗口），然后点击“重试”。$\r$\n点击“取消”则停止。"
LangString MsgRunningLog ${LANG_ENGLISH} "cdrdesk is running: close it and run setup again."
LangString MsgRunningLog ${LANG_SIMPCHINESE} "cdrdesk 正在运行：请关闭它后重新运行安装程序。"
LangString UnMsgRunning ${LANG_ENGLISH} "cdrdesk is running, so it cannot be removed now.$\r$\n$\r$\nPlease close cdrdesk (all its windows), then click Retry.$\r$\nClick Cancel to stop."
LangString UnMsgRunning ${LANG_SIMPCHINESE} "cdrdesk 正在运行，现在无法卸载。$\r$\n$\r$\n请关闭 cdrdesk（所有窗口），然后点击“重试”。$\r$\n点击“取消”则停止。"
LangString UnMsgRunningLog ${LANG_ENGLISH} "cdrdesk is running: close it and run the uninstaller again."
LangString UnMsgRunningLog ${LANG_SIMPCHINESE} "cdrdesk 正在运行：请关闭它后重新运行卸载程序。"
LangString UnConfirmText ${LANG_ENGLISH} "cdrdesk will be removed from this computer.$\r$\nYour connection settings and saved passwords are kept: if you install cdrdesk again, they are still there."
LangString UnConfirmText ${LANG_SIMPCHINESE} "将从这台电脑上卸载 cdrdesk。$\r$\n你的连接设置和已保存的密码会保留：以后重新安装 cdrdesk 时仍可使用。"

;--------------------------------
; The setup file's properties (Explorer > Properties > Details)

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
!macro VERSIONKEYS LANGID
  VIAddVersionKey /LANG=${LANGID} "ProductName" "${APP}"
  VIAddVersionKey /LANG=${LANGID} "FileDescription" "${APP} setup"
  VIAddVersionKey /LANG=${LANGID} "FileVersion" "${VERSION}"
  VIAddVersionKey /LANG=${LANGID} "ProductVersion" "${VERSION}"
  VIAddVersionKey /LANG=${LANGID} "CompanyName" "${APP}"
  VIAddVersionKey /LANG=${LANGID} "LegalCopyright" "Copyright (C) the ${APP} authors"
!macroend
!insertmacro VERSIONKEYS ${LANG_ENGLISH}
!insertmacro VERSIONKEYS ${LANG_SIMPCHINESE}

;--------------------------------
; A running cdrdesk.exe cannot be overwritten or deleted. Before touching it, try to open it for
; writing (Windows refuses that while the program runs) and, while that fails, ask the user to
; close cdrdesk: Retry tries again, Cancel (and a silent run) stops with exit code 2.

!macro WAIT_UNTIL_CLOSED UN
Function ${UN}WaitUntilClosed
  retry:
    IfFileExists "$INSTDIR\cdrdesk.exe" 0 done
    ClearErrors
    FileOpen $0 "$INSTDIR\cdrdesk.exe" a
    IfErrors locked
    FileClose $0
    Goto done
  locked:
    !if "${UN}" == ""
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" /SD IDCANCEL IDRETRY retry
      DetailPrint "$(MsgRunningLog)"
    !else
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(UnMsgRunning)" /SD IDCANCEL IDRETRY retry
      DetailPrint "$(UnMsgRunningLog)"
    !endif
    SetDetailsView show
    SetErrorLevel 2
    Abort
  done:
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

;--------------------------------
; Install

; DeleteShortcuts removes the shortcut of either language from a folder.
!macro DeleteShortcuts dir
  Delete "${dir}\${NAME_EN}.lnk"
  Delete "${dir}\${NAME_ZH}.lnk"
!macroend

Section "$(SecMainName)" SecMain
  SectionIn RO
  SetShellVarContext current
  Call WaitUntilClosed

  SetOutPath "$INSTDIR"
  SetOverwrite on
  File "/oname=cdrdesk.exe" "${EXE}"
  File "/oname=cdrdesk.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\${UNINSTEXE}"

  ; Directly in the Start menu's Programs, no folder: one entry is easier to find. An
  ; upgrade in the other language replaces the shortcut of the earlier one.
  !insertmacro DeleteShortcuts "$SMPROGRAMS"
  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\cdrdesk.exe" "" "$INSTDIR\cdrdesk.ico" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteRegStr HKCU "${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APPKEY}" "DesktopShortcut" "0"

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "$(ShortcutName)"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\cdrdesk.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\${UNINSTEXE}"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTEXE}" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  !insertmacro DeleteShortcuts "$DESKTOP"
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\cdrdesk.exe" "" "$INSTDIR\cdrdesk.ico" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
  WriteRegStr HKCU "${APPKEY}" "DesktopShortcut" "1"
SectionEnd

; Hidden: the finishing touches, after the visible sections.
Section "-finish"
  SetShellVarContext current
  ; Unticking the desktop shortcut on an upgrade removes the one an earlier install made.
  ${IfNot} ${SectionIsSelected} ${SecDesktop}
    !insertmacro DeleteShortcuts "$DESKTOP"
  ${EndIf}
  ${GetSize} "$INSTDIR" "/S=0K /G=0" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "$(SecMainDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ${GetParameters} $R0

  ; The desktop shortcut is ticked by default (office staff look for the program there), except
  ; when an earlier install was told not to make one, or with /NODESKTOP.
  ReadRegStr $R1 HKCU "${APPKEY}" "DesktopShortcut"
  ${If} $R1 == "0"
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}

  ; /LANG=1033 or /LANG=2052 picks the language without the dialog.
  ClearErrors
  ${GetOptions} $R0 "/LANG=" $R1
  ${IfNot} ${Errors}
    ${If} $R1 == ${LANG_ENGLISH}
    ${OrIf} $R1 == ${LANG_SIMPCHINESE}
      StrCpy $LANGUAGE $R1
      Return
    ${EndIf}
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

;--------------------------------
; Uninstall: only what the installer made. The user's settings (%APPDATA%\cdrdesk,
; %APPDATA%\fyne\io.github.cdrdesk) and saved passwords (Credential Manager) stay.

Section "Uninstall"
  SetShellVarContext current
  Call un.WaitUntilClosed

  Delete "$INSTDIR\cdrdesk.exe"
  Delete "$INSTDIR\cdrdesk.ico"
  Delete "$INSTDIR\${UNINSTEXE}"
  ; Only if empty: never remove files the user put there.
  RMDir "$INSTDIR"

  !insertmacro DeleteShortcuts "$SMPROGRAMS"
  !insertmacro DeleteShortcuts "$DESKTOP"

  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegValue HKCU "${APPKEY}" "InstallDir"
  DeleteRegValue HKCU "${APPKEY}" "DesktopShortcut"
  DeleteRegValue HKCU "${APPKEY}" "InstallerLanguage"
  DeleteRegKey /IfEmpty HKCU "${APPKEY}"
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
