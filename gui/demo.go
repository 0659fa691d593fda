package gui

import (
	"sync"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/connect"
)

// Demo is the built-in demo PBX: the project's simulator on loopback, started on first
// use and running until the program ends.
type Demo struct {
	once sync.Once
	run  *pbxsim.Running
	err  error
}

// NewDemo returns a demo PBX that is not started yet.
func NewDemo() *Demo { return &Demo{} }

// Start starts the simulator (once) and says how to reach it.
func (d *Demo) Start() (connect.Demo, error) {
	d.once.Do(func() { d.run, d.err = pbxsim.New(pbxsim.DefaultOptions()).StartTLS("127.0.0.1:0") })
	if d.err != nil {
		return connect.Demo{}, d.err
	}
	return connect.Demo{URL: d.run.URL, User: pbxsim.DefaultUser, Password: pbxsim.DefaultPassword, Fingerprint: d.run.Fingerprint}, nil
}

// Close stops the simulator if it was started.
func (d *Demo) Close() {
	if d.run != nil {
		d.run.Close()
	}
}
