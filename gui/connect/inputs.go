package connect

import (
	"errors"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/profile"
)

// Problems the dialog finds before asking the PBX. They are cdrclient.InputError
// sentences, so internal/explain capitalises and translates them like the client's own
// (their Chinese is in assets/translations/connect.zh_Hans.json; a test checks).
const (
	msgNoUser     = "enter the API user name"
	msgNoPassword = "enter the API password"
	msgNameTaken  = "a connection with this name already exists"
	msgBadName    = "a connection name has 1 to 64 characters and no line breaks"
	msgBadPort    = "the port must be a number from 1 to 65535"
)

// inputMessages lists the sentences above, for the translation test.
func inputMessages() []string {
	return []string{msgNoUser, msgNoPassword, msgNameTaken, msgBadName, msgBadPort}
}

func inputError(field, msg string) error { return &cdrclient.InputError{Field: field, Msg: msg} }

// checkName returns the problem with a new profile name, or nil.
func checkName(name string) error {
	if profile.ValidateName(name) != nil {
		return inputError("name", msgBadName)
	}
	return nil
}

// renameProblem turns a refused rename into what the person can act on.
func renameProblem(err error) error {
	switch {
	case errors.Is(err, profile.ErrProfileExists):
		return inputError("name", msgNameTaken)
	case errors.Is(err, profile.ErrInvalidName):
		return inputError("name", msgBadName)
	}
	return err
}
