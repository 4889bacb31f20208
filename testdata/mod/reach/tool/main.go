// Command tool reaches no resource.
package main

import (
	"fmt"

	"example.com/reach/util"
)

func main() { fmt.Println(util.Safe(nil)) }
