/**
 * The window rules, written once: what a BrowserWindow may do, and the handlers that deny
 * navigation, new windows, webviews and permission requests. Electron grants permission
 * requests by default, so both the request and the check handler answer no.
 */
import type { Session, WebContents, WebPreferences } from 'electron';

export const WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  // A middle click must not open a link in a new window (window.open is denied anyway).
  disableBlinkFeatures: 'Auxclick',
});

export function hardenWebContents(contents: WebContents): void {
  // The page is a single document: any navigation (links, drops, redirects) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The app is offline by design: nothing but its own files may be requested.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !/^(file|devtools|chrome-extension|data):/.test(details.url) });
  });
}
