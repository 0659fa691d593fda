// Package recordings saves the recordings of calls into a folder, for the command line
// (`cdrdesk recordings`) and the window alike: which calls have one (Collector), the
// name each file gets (FileName), and the saving itself (Save): one after another, each
// with its own download key, written under a temporary name and renamed, a file
// already there with the same size skipped so that a run cancelled or cut off resumes,
// and a recording the PBX no longer has noted while the rest are saved. It holds no
// widgets.
package recordings
