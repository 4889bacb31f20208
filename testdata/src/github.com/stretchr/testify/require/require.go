// Stub of github.com/stretchr/testify/require v1.12.1 for analysistest:
// the declarations dbleaklint reads, with their real signatures.
package require

// TestingT is the interface the assertions need.
type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

func Error(t TestingT, err error, msgAndArgs ...interface{})                 {}
func ErrorIs(t TestingT, err error, target error, msgAndArgs ...interface{}) {}
func NoError(t TestingT, err error, msgAndArgs ...interface{})               {}
func True(t TestingT, value bool, msgAndArgs ...interface{})                 {}
func False(t TestingT, value bool, msgAndArgs ...interface{})                {}
