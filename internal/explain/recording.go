package explain

import (
	"context"
	"errors"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/recordings"
)

// explainRecording explains what can go wrong while recordings are fetched and saved.
// Each action says that running again resumes: the files already saved are skipped.
func explainRecording(err error) (explained, bool) {
	var (
		missing *cdrclient.RecordingMissingError
		cut     *cdrclient.RecordingCutError
		save    *recordings.SaveError
		api     *cdrclient.APIError
	)
	switch {
	case errors.Is(err, context.Canceled):
		return explained{}, false // "Cancelled", as anywhere else
	case errors.As(err, &missing):
		return explained{kind: Refused, data: map[string]any{"Name": missing.Name},
			what:   "The PBX no longer has the recording {{.Name}}.",
			action: "It was deleted on the PBX, or the storage it was on is gone; the call's record itself is complete. If many are missing, check the PBX's recording storage (Settings → PBX → Recording)."}, true
	case errors.As(err, &cut):
		return explained{kind: Connection, data: map[string]any{"Name": cut.Name},
			what:   "The connection to the PBX broke off during the download of the recording {{.Name}}, also when it was tried again. The part received was not kept.",
			action: "Check the network between this computer and the PBX, then start again: the recordings already saved are skipped."}, true
	case errors.As(err, &save):
		return explained{kind: Output, data: map[string]any{"Path": save.Path},
			what:   "The recording could not be saved to {{.Path}}.",
			action: "Check that you may write to the folder and that the disk is not full, then start again: the recordings already saved are skipped."}, true
	case errors.As(err, &api) && api.Errno == cdrclient.ErrnoBadRecordingRandom:
		return explained{kind: Refused, data: map[string]any{"Errno": api.Errno},
			what:   "The PBX refused the download of a recording twice (error {{.Errno}}).",
			action: "Check that the API user may download recordings and that the PBX's clock is right, then try again."}, true
	case errors.As(err, &api) && api.Errno == cdrclient.ErrnoNoRecording:
		return explained{kind: Refused, data: map[string]any{"Errno": api.Errno},
			what:   "The PBX does not have the recording asked for (error {{.Errno}}).",
			action: "It was deleted on the PBX, or the storage it was on is gone."}, true
	}
	return explained{}, false
}
