package pbxsim

// writtenBy returns whether a row is in the PBX's history yet: always, unless Live,
// where a call's row is written when the call ends (see Options.Live). Now is read
// once per download, so one answer is consistent.
func (o *Options) writtenBy() func(*row) bool {
	if !o.Live {
		return func(*row) bool { return true }
	}
	now := wallOf(o.Now().In(o.Location))
	return func(r *row) bool { return r.start+wallTime(r.callDur) <= now }
}
