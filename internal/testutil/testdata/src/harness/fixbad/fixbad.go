// Package fixbad's golden file is not what its fix makes. // want package:"calls=1"
package fixbad

import "harness/dep"

func h() {
	dep.LeakOne() // want `call of LeakOne`
}
