// Stub of github.com/stretchr/testify/assert v1.12.1 for analysistest:
// the declarations dbleaklint reads, with their real signatures.
package assert

// TestingT is the interface the assertions need.
type TestingT interface {
	Errorf(format string, args ...interface{})
}

func Error(t TestingT, err error, msgAndArgs ...interface{}) bool          { return err != nil }
func ErrorIs(t TestingT, err, target error, msgAndArgs ...interface{}) bool { return err != nil }
func NoError(t TestingT, err error, msgAndArgs ...interface{}) bool        { return err == nil }
func True(t TestingT, value bool, msgAndArgs ...interface{}) bool          { return value }
func False(t TestingT, value bool, msgAndArgs ...interface{}) bool         { return !value }
