/** Single-file components: their script blocks are small; logic lives in checked .ts files. */
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** Stylesheets are bundled by Vite. */
declare module '*.css'
