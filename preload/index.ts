/**
 * The sandboxed bridge: exposes exactly `window.api` and nothing else (no ipcRenderer, no generic
 * invoke, no process). A sandboxed preload can only require('electron'); the build inlines the rest.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
