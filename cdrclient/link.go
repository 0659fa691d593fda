package cdrclient

import (
	"context"
	"time"
)

// RandomLifetime is how long a download key from cdr/get_random stays valid.
const RandomLifetime = 30 * time.Second

// DownloadLink is a one-time link to a CSV of call records: valid for RandomLifetime,
// for one download, from this computer or the query's AllowedIP.
type DownloadLink struct {
	URL     string    // the full link, token and key included: treat as a secret
	Expires time.Time // by this computer's clock
	// Period is what the link downloads: the start and end times the PBX echoed, which
	// some firmware changes. Asked is what was asked for; see OtherPeriod.
	Period, Asked Period
}

// OtherPeriod reports whether the PBX echoed another period than the one asked for.
func (l *DownloadLink) OtherPeriod() bool {
	return !l.Period.From.Equal(l.Asked.From) || !l.Period.To.Equal(l.Asked.To)
}

// String returns the link with its token and key hidden, for showing and logging.
func (l *DownloadLink) String() string { return Redact(l.URL) }

// randomAnswer is get_random's answer: the query echoed (extid or number) and the key.
type randomAnswer struct {
	ExtID     string `json:"extid"`
	Number    string `json:"number"`
	StartTime string `json:"starttime"`
	EndTime   string `json:"endtime"`
	Random    string `json:"random"`
}

// Link asks the PBX for a download key for the whole of q's range (no windows) and
// returns the link built from it.
func (s *Session) Link(ctx context.Context, q Query) (*DownloadLink, error) {
	if err := q.validate(); err != nil {
		return nil, err
	}
	return s.link(ctx, q, span{wall(q.Start), wall(q.End)})
}

// link runs step one (cdr/get_random) for one window and composes step two's URL from
// exactly the values the PBX echoed, as Yeastar's own example does.
func (s *Session) link(ctx context.Context, q Query, w span) (*DownloadLink, error) {
	if _, _, err := s.ensureLogin(ctx); err != nil {
		return nil, err
	}
	key := "extid"
	if s.isV2() {
		key = "number"
	}
	body := map[string]string{
		key:         q.extParam(),
		"starttime": w.from.Format(TimeLayout),
		"endtime":   w.to.Format(TimeLayout),
	}
	if q.AllowedIP != "" {
		body["allowedip"] = q.AllowedIP
	}
	asked := s.now()
	var ans randomAnswer
	if err := s.call(ctx, "cdr/get_random", body, &ans); err != nil {
		return nil, err
	}
	if ans.Random == "" {
		return nil, &APIError{Endpoint: "cdr/get_random", Errno: "no random in answer"}
	}
	ext := ans.ExtID
	if key == "number" {
		ext = ans.Number
	}
	// Older firmware may not echo everything: fall back to what was asked.
	if ext == "" {
		ext = body[key]
	}
	start, end := orDefault(ans.StartTime, body["starttime"]), orDefault(ans.EndTime, body["endtime"])
	u := s.baseURL + "/api/" + s.Version() + "/cdr/download?" +
		key + "=" + escapeQueryValue(ext) +
		"&starttime=" + escapeQueryValue(start) +
		"&endtime=" + escapeQueryValue(end) +
		"&token=" + escapeQueryValue(s.Token()) +
		"&random=" + escapeQueryValue(ans.Random)
	link := &DownloadLink{URL: u, Expires: asked.Add(RandomLifetime), Period: Period{w.from, w.to}, Asked: Period{w.from, w.to}}
	// The link follows the echo; say what it covers. An echo that is not a PBX time
	// leaves the asked period: the PBX's rows are checked by date as well.
	if t, err := time.Parse(TimeLayout, start); err == nil {
		link.Period.From = t
	}
	if t, err := time.Parse(TimeLayout, end); err == nil {
		link.Period.To = t
	}
	return link, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
