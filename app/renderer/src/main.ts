/**
 * The renderer's entry: Vue, Pinia, vue-i18n, the stylesheet. The same bundle runs in a browser
 * (the web edition, served by `playground web`) and, later, in Electron from `app://`.
 *
 * @module
 */
// First: zod must not probe `new Function` under the CSP (see the module).
import './lesson/zodJitless.ts'
import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import App from './components/App.vue'
import { createAppI18n } from './i18n/i18n.ts'
import { initialLang, useAppStore } from './stores/app.ts'
import './styles/app.css'

const app = createApp(App)
app.use(createPinia())
const i18n = createAppI18n(initialLang())
app.use(i18n)
const store = useAppStore()
watch(
  () => store.lang,
  (lang) => {
    i18n.global.locale.value = lang
  },
  { immediate: true },
)
app.mount('#app')
