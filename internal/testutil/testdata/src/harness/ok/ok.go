// Package ok meets every expectation of the calls analyzer. // want package:"calls=3"
package ok

import "harness/dep"

func leakTwo() {} // want leakTwo:"leaky"

func f() {
	dep.LeakOne() // want `call of LeakOne`
	dep.Fine()
	leakTwo() /* want "call of leakTwo" */
	// want +1 `call of leakTwo`
	leakTwo()
}
