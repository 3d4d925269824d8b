/**
 * Electron main entry (`electron dist/app/main/main.js`): hands the real `electron` module to
 * {@link startDesktopApp}. Everything with a decision in it lives in the modules it imports,
 * where tests reach it with fakes.
 *
 * @module
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import { startDesktopApp } from './desktopApp.ts'

// dist/app/main/main.js → dist/
const distFolder = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

startDesktopApp({ app, BrowserWindow, dialog, ipcMain, protocol, session, shell, distFolder, platform: process.platform, versions: process.versions })
