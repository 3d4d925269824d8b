/** Vite's `?worker` imports: a constructor of the bundled module worker. */
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker
  export default WorkerConstructor
}
