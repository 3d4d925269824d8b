/**
 * The grading engine's environment in Node: the bundled solc with its libraries, QuickJS
 * isolates that can import the bundled viem, hardhat/console.sol for console.log lines, and the
 * WASM crypto the dev chain uses elsewhere. Built once per process (solc's load dominates).
 *
 * @module
 */
import type { GradingEnvironment } from '../../../courses/format/grading/gradeLesson.ts'
import { createCompiler } from '../../../runtime/compiler/compiler.ts'
import { nodeLibraryReader } from '../../../runtime/compiler/librariesNode.node.ts'
import { loadSolcNode } from '../../../runtime/compiler/solcNode.node.ts'
import { loadFastCrypto } from '../../../runtime/crypto/fastCrypto.node.ts'
import { createSandbox } from '../../../sandbox/createSandbox.ts'
import { nodeIsolateLibraries } from '../isolateLibraries.ts'

let cached: Promise<GradingEnvironment> | undefined

/**
 * @example
 * const result = await gradeLesson(await nodeGradingEnvironment(), request)
 */
export function nodeGradingEnvironment(): Promise<GradingEnvironment> {
  cached ??= (async () => {
    const libraries = nodeLibraryReader()
    const compiler = createCompiler({ solc: loadSolcNode(), readLibrary: libraries })
    const isolateLibraries = nodeIsolateLibraries()
    return {
      compiler,
      createSandbox: (options) => createSandbox({ ...options, libraries: isolateLibraries }),
      consoleSol: libraries('hardhat/console.sol'),
      customCrypto: await loadFastCrypto(),
    }
  })()
  return cached
}
