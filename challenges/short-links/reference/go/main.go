// Reference solution of short-links: net/http from the standard library, one mutex.
package main

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
const maxURL = 2048

type link struct {
	Code string `json:"code"`
	URL  string `json:"url"`
	Hits int    `json:"hits"`
}

type remembered struct {
	url  string
	link link
}

type store struct {
	mu         sync.Mutex
	links      []link
	byCode     map[string]int
	idempotent map[string]remembered
}

var db = &store{byCode: map[string]int{}, idempotent: map[string]remembered{}}
var validKey = regexp.MustCompile(`^[!-~]{1,64}$`)
var titles = map[int]string{400: "Bad Request", 404: "Not Found", 409: "Conflict", 422: "Unprocessable Content"}

func encode(number int) string {
	digits := ""
	for ; number > 0; number /= 62 {
		digits = string(alphabet[number%62]) + digits
	}
	return digits
}

func cursorFor(code string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("after:" + code))
}

func codeOf(cursor string) string {
	text, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || !strings.HasPrefix(string(text), "after:") {
		return ""
	}
	return strings.TrimPrefix(string(text), "after:")
}

func validURL(text string) bool {
	if len(text) > maxURL {
		return false
	}
	u, err := url.Parse(text)
	if err != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return (scheme == "http" || scheme == "https") && u.Hostname() != ""
}

func send(w http.ResponseWriter, status int, body any, contentType string) {
	data, _ := json.Marshal(body)
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}

func problem(w http.ResponseWriter, status int, detail string) {
	send(w, status, map[string]any{"type": "about:blank", "title": titles[status], "status": status,
		"detail": detail}, "application/problem+json")
}

func create(w http.ResponseWriter, r *http.Request) {
	var body any
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
		problem(w, 400, "the body is not JSON")
		return
	}
	object, ok := body.(map[string]any)
	if !ok {
		problem(w, 400, "the body must be a JSON object")
		return
	}
	target, ok := object["url"].(string)
	if !ok || !validURL(target) {
		problem(w, 422, "url must be an absolute http(s) URL of at most 2048 characters")
		return
	}
	key, keyed := r.Header["Idempotency-Key"]
	if keyed && !validKey.MatchString(key[0]) {
		problem(w, 400, "Idempotency-Key must be 1 to 64 visible ASCII characters")
		return
	}
	db.mu.Lock()
	var answer link
	if first, seen := db.idempotent[strings.Join(key, "")]; keyed && seen {
		db.mu.Unlock()
		if first.url != target {
			problem(w, 409, "this Idempotency-Key was used with another body")
			return
		}
		answer = first.link
	} else {
		answer = link{Code: encode(len(db.links) + 238328), URL: target} // 62^3: 4+ characters
		db.byCode[answer.Code] = len(db.links)
		db.links = append(db.links, answer)
		if keyed {
			db.idempotent[key[0]] = remembered{target, answer}
		}
		db.mu.Unlock()
	}
	w.Header().Set("Location", "/v1/links/"+answer.Code)
	send(w, 201, answer, "application/json")
}

func list(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	limit := 10
	if text, given := query["limit"]; given {
		n, err := strconv.Atoi(text[0])
		if err != nil || n < 1 || n > 100 {
			problem(w, 400, "limit must be a number from 1 to 100")
			return
		}
		limit = n
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	start := 0
	if cursor, given := query["cursor"]; given {
		index, known := db.byCode[codeOf(cursor[0])]
		if !known {
			problem(w, 400, "unknown cursor")
			return
		}
		start = index + 1
	}
	end := min(len(db.links), start+limit)
	items := append([]link{}, db.links[start:end]...)
	page := map[string]any{"items": items, "next_cursor": nil}
	if end < len(db.links) && end > start {
		page["next_cursor"] = cursorFor(items[len(items)-1].Code)
	}
	send(w, 200, page, "application/json")
}

func handle(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch {
	case r.Method == "GET" && path == "/health":
		send(w, 200, map[string]string{"status": "up"}, "application/json")
	case r.Method == "POST" && path == "/v1/links":
		create(w, r)
	case r.Method == "GET" && path == "/v1/links":
		list(w, r)
	case r.Method == "GET" && strings.HasPrefix(path, "/v1/links/"):
		db.mu.Lock()
		index, known := db.byCode[strings.TrimPrefix(path, "/v1/links/")]
		var found link
		if known {
			found = db.links[index]
		}
		db.mu.Unlock()
		if !known {
			problem(w, 404, "no such link")
			return
		}
		send(w, 200, found, "application/json")
	case r.Method == "GET" && strings.HasPrefix(path, "/r/"):
		db.mu.Lock()
		index, known := db.byCode[strings.TrimPrefix(path, "/r/")]
		target := ""
		if known {
			db.links[index].Hits++
			target = db.links[index].URL
		}
		db.mu.Unlock()
		if !known {
			problem(w, 404, "no such link")
			return
		}
		w.Header().Set("Location", target)
		w.WriteHeader(302)
	default:
		problem(w, 404, "no such resource")
	}
}

func main() {
	http.ListenAndServe(":8080", http.HandlerFunc(handle))
}
