// Package bad breaks each expectation of calls. // want package:"calls=9"
package bad

import "harness/dep"

func leakThree() {} // want leakThree:"nonleaky"

func g() {
	dep.LeakOne() // an unexpected diagnostic
	dep.Fine()    // want `call of Fine`
	leakThree()   // want `call of leakFour`
	leakThree()
	leakThree()   // want `call of leakThree`
	dep.LeakOne() // want `unclosed string
}
