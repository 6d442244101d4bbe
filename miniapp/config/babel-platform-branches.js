/**
 * Babel plugin: drops the other platform's code before webpack sees it. Components say
 * `if (process.env.TARO_ENV === 'h5') return <browser version/>` and go on with the WeChat version. Webpack replaces
 * the constant but keeps walking the code after such a `return`, so every Taro component and API that only the
 * WeChat version names (Picker, Switch, Checkbox … with their web components; chooseMedia's user-agent parser) went
 * into the browser's start-up JavaScript, and the browser versions into the mini-program. This plugin puts the
 * platform's name in place of `process.env.TARO_ENV`, keeps only the branch taken by an `if`, `?:`, `&&` or `||`
 * whose test is then a constant, and removes what follows a branch that always returns or throws.
 * Only our sources are rewritten (not node_modules).
 */
module.exports = function platformBranches(api) {
  const t = api.types
  // One build is for one platform; Babel builds the plugin again if that changes (as it does between test runs).
  const platform = api.cache.using(() => process.env.TARO_ENV)

  const isTaroEnv = (node) =>
    t.isMemberExpression(node, { computed: false }) &&
    t.isIdentifier(node.property, { name: 'TARO_ENV' }) &&
    t.isMemberExpression(node.object, { computed: false }) &&
    t.isIdentifier(node.object.object, { name: 'process' }) &&
    t.isIdentifier(node.object.property, { name: 'env' })

  /** The test's value when it is known at build time (a comparison of the platform, or a const holding one). */
  const known = (path) => {
    const result = path.evaluate()
    return result.confident ? { value: result.value } : null
  }

  const alwaysExits = (node) => {
    if (t.isReturnStatement(node) || t.isThrowStatement(node)) return true
    return t.isBlockStatement(node) && node.body.length > 0 && alwaysExits(node.body[node.body.length - 1])
  }

  /** Statements after one that always returns never run; function declarations are hoisted, so they stay. */
  const removeUnreachableAfter = (path) => {
    if (!path.inList) return
    for (const sibling of path.getAllNextSiblings()) {
      if (!sibling.isFunctionDeclaration()) sibling.remove()
    }
  }

  const skip = (state) => !platform || /[\\/]node_modules[\\/]/.test(state.filename || '')

  return {
    name: 'platform-branches',
    visitor: {
      MemberExpression(path, state) {
        if (!skip(state) && isTaroEnv(path.node)) path.replaceWith(t.stringLiteral(platform))
      },
      IfStatement: {
        exit(path, state) {
          if (skip(state)) return
          const test = known(path.get('test'))
          if (!test) return
          const taken = test.value ? path.node.consequent : path.node.alternate
          if (!taken) {
            path.remove()
            return
          }
          const exits = alwaysExits(taken)
          const [replaced] = path.replaceWith(taken)
          if (exits) removeUnreachableAfter(replaced)
        }
      },
      ConditionalExpression: {
        exit(path, state) {
          if (skip(state)) return
          const test = known(path.get('test'))
          if (test) path.replaceWith(test.value ? path.node.consequent : path.node.alternate)
        }
      },
      LogicalExpression: {
        exit(path, state) {
          if (skip(state) || path.node.operator === '??') return
          const left = known(path.get('left'))
          if (!left) return
          const keepLeft = path.node.operator === '&&' ? !left.value : Boolean(left.value)
          path.replaceWith(keepLeft ? path.node.left : path.node.right)
        }
      }
    }
  }
}
