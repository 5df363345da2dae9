; NSIS additions for the Windows installer (electron-builder.yml: nsis.include).
;
; Per-user only. With perMachine: false the assisted installer shows an install-mode page whose
; "all users" choice is greyed out with an English "(must run as admin)" (allowElevation: false):
; a clerk has no administrator rights, so the page only confuses. electron-builder's page
; function skips the page and installs for the current user when customInstallMode sets
; $isForceCurrentInstall (templates/nsis/multiUserUi.nsh); the uninstaller does the same. The
; default folder is then the user's own %LOCALAPPDATA%\Programs\政府信息公开年报助手.
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend
