package pbxsim

import (
	"encoding/binary"
	"hash/fnv"
	"io"
	"math"
)

// A recording is 8 kHz, 16-bit, mono PCM, as the PBX records calls.
const (
	wavRate          = 8000
	wavBytesPerFrame = 2
	wavHeaderSize    = 44
	// DefaultRecordingSeconds is a recording's length when Options.Recordings.Seconds is 0.
	DefaultRecordingSeconds = 4
)

// RecordingSize is the size in bytes of every recording the simulator serves when it
// is seconds long: a 44-byte WAV header and 16,000 bytes a second.
func RecordingSize(seconds int) int64 {
	return wavHeaderSize + int64(seconds)*wavRate*wavBytesPerFrame
}

// WriteRecording writes the recording the simulator serves under name with the
// current options: a valid WAV file whose samples follow from the name alone, so a
// test can compare a saved file byte for byte. It does not check that a row names it.
func (s *Server) WriteRecording(w io.Writer, name string) error {
	o := s.options()
	return writeWAV(w, name, o.recordingSeconds())
}

// recordingSeconds is the served recordings' length.
func (o *Options) recordingSeconds() int {
	if o.Recordings.Seconds > 0 {
		return o.Recordings.Seconds
	}
	return DefaultRecordingSeconds
}

// writeWAV streams a WAV file of seconds: a tone whose pitch and loudness follow from
// name, one second at a time (never the whole file in memory). The first second is
// computed once; each later one is it at another loudness, so no two seconds of a file
// are alike and a file spliced from the wrong offsets differs from the real one.
func writeWAV(w io.Writer, name string, seconds int) error {
	h := fnv.New64a()
	h.Write([]byte(name))
	seed := h.Sum64()
	dataSize := uint32(seconds * wavRate * wavBytesPerFrame)
	var head [wavHeaderSize]byte
	copy(head[0:], "RIFF")
	binary.LittleEndian.PutUint32(head[4:], 36+dataSize)
	copy(head[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(head[16:], 16) // PCM format chunk size
	binary.LittleEndian.PutUint16(head[20:], 1)  // PCM
	binary.LittleEndian.PutUint16(head[22:], 1)  // mono
	binary.LittleEndian.PutUint32(head[24:], wavRate)
	binary.LittleEndian.PutUint32(head[28:], wavRate*wavBytesPerFrame)
	binary.LittleEndian.PutUint16(head[32:], wavBytesPerFrame)
	binary.LittleEndian.PutUint16(head[34:], 16) // bits per sample
	copy(head[36:], "data")
	binary.LittleEndian.PutUint32(head[40:], dataSize)
	if _, err := w.Write(head[:]); err != nil {
		return err
	}
	freq := 300 + float64(seed%500) // Hz
	base := make([]int16, wavRate)
	for i := range base {
		base[i] = int16(8000 * math.Sin(2*math.Pi*freq*float64(i)/wavRate))
	}
	buf := make([]byte, wavRate*wavBytesPerFrame)
	for sec := range seconds {
		gain := int32(2 + (seed>>8+uint64(sec)*7)%7) // 2..8 eighths
		for i, v := range base {
			binary.LittleEndian.PutUint16(buf[2*i:], uint16(int32(v)*gain/8))
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}
