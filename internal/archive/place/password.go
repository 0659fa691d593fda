package place

import "net/url"

// SplitPassword separates the password from a PostgreSQL connection string: location
// without it (to keep in the preferences) and the password (to keep in the keyring).
// A file path, or a connection string without a password, comes back as it is.
func SplitPassword(location string) (without, password string) {
	if !IsPostgres(location) {
		return location, ""
	}
	u, err := url.Parse(location)
	if err != nil || u.User == nil {
		return location, ""
	}
	password, ok := u.User.Password()
	if !ok {
		return location, ""
	}
	u.User = url.User(u.User.Username())
	return u.String(), password
}

// WithPassword puts password back into a connection string kept without it; a file
// path, an empty password or a connection string that has one already is returned as
// it is.
func WithPassword(location, password string) string {
	if password == "" || !IsPostgres(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		return location
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			return location
		}
		u.User = url.UserPassword(u.User.Username(), password)
	} else {
		u.User = url.UserPassword("", password)
	}
	return u.String()
}
