// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command measure runs a command and prints, on one line of stdout, its
// wall time, CPU time (user + system, children included) and peak
// resident memory, as "wall=1.23 cpu=2.34 rss=567 status=0" (seconds,
// seconds, MiB). The command's own output goes to /dev/null unless -v.
// It is the stopwatch of scripts/bench.sh: it needs no /usr/bin/time.
//
// Usage: measure [-v] command [args...]
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	verbose := flag.Bool("v", false, "pass the command's output through")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure [-v] command [args...]")
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	if *verbose {
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
	// The rusage of the direct child covers only it; the children's
	// rusage of this process covers the child and its waited-for
	// descendants (go list, the compiler), for CPU time. Peak memory
	// is the largest single process: that of the analyzer.
	self, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var children syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
	cpu := time.Duration(children.Utime.Nano() + children.Stime.Nano())
	rss := children.Maxrss // KiB on Linux; max over the waited-for tree
	if self != nil && self.Maxrss > rss {
		rss = self.Maxrss
	}
	fmt.Printf("wall=%.2f cpu=%.2f rss=%d status=%d\n",
		wall.Seconds(), cpu.Seconds(), rss/1024, cmd.ProcessState.ExitCode())
}
