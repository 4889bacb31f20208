// Package broken does not type-check: the harness must say so rather
// than pass its cases unseen.
package broken

import "harness/dep"

func h() {
	dep.LeakOne() // want "call of LeakOne"
	var unused int
}
