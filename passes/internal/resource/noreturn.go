// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

// noReturn lists well-known functions that never return, by FullName.
// A path that ends in one of them is not a leak: the process exits, or
// the goroutine (a failing test) stops.
var noReturn = map[string]bool{
	"os.Exit":                                     true,
	"runtime.Goexit":                              true,
	"log.Fatal":                                   true,
	"log.Fatalf":                                  true,
	"log.Fatalln":                                 true,
	"log.Panic":                                   true,
	"log.Panicf":                                  true,
	"log.Panicln":                                 true,
	"(*log.Logger).Fatal":                         true,
	"(*log.Logger).Fatalf":                        true,
	"(*log.Logger).Fatalln":                       true,
	"(*log.Logger).Panic":                         true,
	"(*log.Logger).Panicf":                        true,
	"(*log.Logger).Panicln":                       true,
	"(*testing.common).FailNow":                   true,
	"(*testing.common).Fatal":                     true,
	"(*testing.common).Fatalf":                    true,
	"(*testing.common).SkipNow":                   true,
	"(*testing.common).Skip":                      true,
	"(*testing.common).Skipf":                     true,
	"(testing.TB).FailNow":                        true,
	"(testing.TB).Fatal":                          true,
	"(testing.TB).Fatalf":                         true,
	"(testing.TB).SkipNow":                        true,
	"(testing.TB).Skip":                           true,
	"(testing.TB).Skipf":                          true,
	"(*go.uber.org/zap.Logger).Fatal":             true,
	"(*go.uber.org/zap.Logger).Panic":             true,
	"(*go.uber.org/zap.SugaredLogger).Fatal":      true,
	"(*go.uber.org/zap.SugaredLogger).Fatalf":     true,
	"(*go.uber.org/zap.SugaredLogger).Fatalw":     true,
	"github.com/sirupsen/logrus.Fatal":            true,
	"github.com/sirupsen/logrus.Fatalf":           true,
	"(*github.com/sirupsen/logrus.Logger).Fatal":  true,
	"(*github.com/sirupsen/logrus.Logger).Fatalf": true,
	"(*github.com/sirupsen/logrus.Entry).Fatal":   true,
	"(*github.com/sirupsen/logrus.Entry).Fatalf":  true,
	"k8s.io/klog/v2.Fatal":                        true,
	"k8s.io/klog/v2.Fatalf":                       true,
	"k8s.io/klog/v2.Exit":                         true,
	"k8s.io/klog/v2.Exitf":                        true,
}

// NoReturn reports whether the function of that FullName is a
// well-known function that never returns.
func NoReturn(fullName string) bool { return noReturn[fullName] }
