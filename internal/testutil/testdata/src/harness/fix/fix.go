// Package fix gets a fix for each call of a leaky function. // want package:"calls=2"
package fix

import "harness/dep"

func h() {
	dep.LeakOne() // want `call of LeakOne`
	dep.LeakOne() // want `call of LeakOne`
}
