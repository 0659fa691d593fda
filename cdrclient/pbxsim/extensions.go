package pbxsim

import "slices"

// Extension is one entry of the PBX's extension list.
type Extension struct {
	Number string // extension number, e.g. "1000"
	Name   string // display name ("username" in the API); may equal Number
	Status string // Registered, Unavailable, Idle, Ringing, Busy (case varies)
	Type   string // SIP, FXS or IAX
	Port   string // FXS port; empty for other types
}

// extensions is the simulated office: Chinese and English names, a few
// names equal to the number, mixed statuses (one in lower case, as firmware
// is not consistent), two FXS lines and one IAX trunk extension.
var extensions = []Extension{
	{"1000", "张伟", "Registered", "SIP", ""},
	{"1001", "王芳", "Idle", "SIP", ""},
	{"1002", "李娜", "Registered", "SIP", ""},
	{"1003", "刘洋", "Unavailable", "SIP", ""},
	{"1004", "陈静", "Busy", "SIP", ""},
	{"1005", "杨磊", "Registered", "SIP", ""},
	{"1006", "前台", "Ringing", "SIP", ""},
	{"1007", "财务部", "Idle", "SIP", ""},
	{"1008", "Alice Chen", "Registered", "SIP", ""},
	{"1009", "Bob Lee", "Unavailable", "SIP", ""},
	{"1010", "Carol Wang", "registered", "SIP", ""},
	{"1011", "David Zhang", "Idle", "SIP", ""},
	{"1012", "1012", "Unavailable", "SIP", ""},
	{"1013", "销售部", "Registered", "SIP", ""},
	{"1014", "赵敏", "Busy", "SIP", ""},
	{"1015", "黄强", "Registered", "SIP", ""},
	{"1016", "Emma Liu", "Idle", "SIP", ""},
	{"1017", "1017", "Registered", "SIP", ""},
	{"1018", "周杰", "Idle", "FXS", "1"},
	{"1019", "会议室", "Unavailable", "FXS", "2"},
	{"1020", "仓库", "Registered", "IAX", ""},
	{"1021", "Frank Wu", "Unavailable", "SIP", ""},
	{"1022", "孙丽", "Registered", "SIP", ""},
	{"1023", "技术支持", "Idle", "SIP", ""},
}

// receptionIndex is the extension that takes most inbound calls.
const receptionIndex = 6

// Extensions returns the simulated extension list (a copy).
func (s *Server) Extensions() []Extension {
	return slices.Clone(extensions)
}

// extensionIndex finds an extension by number.
func extensionIndex(number string) (int, bool) {
	for i, e := range extensions {
		if e.Number == number {
			return i, true
		}
	}
	return -1, false
}

// extlist is the extlist member of the extension list answer; the
// v2 dialect calls the number "number", v1 "extnumber". Members follow the
// order of the vendor's examples.
func extlist(v2 bool) []object {
	key := "extnumber"
	if v2 {
		key = "number"
	}
	list := make([]object, 0, len(extensions))
	for _, e := range extensions {
		o := object{{key, e.Number}, {"status", e.Status}, {"type", e.Type}}
		if e.Port != "" {
			o = append(o, field{"port", e.Port})
		}
		o = append(o, field{"username", e.Name}, field{"agentid", ""})
		list = append(list, o)
	}
	return list
}
