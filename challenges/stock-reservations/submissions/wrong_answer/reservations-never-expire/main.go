// Wrong: reservations never expire, so stock held by abandoned checkouts is never given back.
package main

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

var validSKU = regexp.MustCompile(`^[A-Za-z0-9-]{1,32}$`)
var titles = map[int]string{400: "Bad Request", 404: "Not Found", 409: "Conflict", 412: "Precondition Failed",
	422: "Unprocessable Content", 428: "Precondition Required"}

type problem struct {
	status int
	detail string
}

type item struct {
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	Stock     int64  `json:"stock"`
	Reserved  int64  `json:"reserved"`
	Available int64  `json:"available"`
	Version   int    `json:"version"`
}

func (i *item) etag() string { return `"` + strconv.Itoa(i.Version) + `"` }

type reservation struct {
	ID       string `json:"id"`
	SKU      string `json:"sku"`
	Quantity int64  `json:"quantity"`
	expires  time.Time
}

// byExpiry keeps reservations in order of expiry, so expire looks only at those that are due.
type byExpiry []*reservation

func (h byExpiry) Len() int           { return len(h) }
func (h byExpiry) Less(i, j int) bool { return h[i].expires.Before(h[j].expires) }
func (h byExpiry) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *byExpiry) Push(x any)        { *h = append(*h, x.(*reservation)) }
func (h *byExpiry) Pop() any {
	old := *h
	last := old[len(old)-1]
	*h = old[:len(old)-1]
	return last
}

type store struct {
	mu           sync.Mutex
	items        map[string]*item
	reservations map[string]*reservation
	expiries     byExpiry
	ids          int
}

var db = &store{items: map[string]*item{}, reservations: map[string]*reservation{}}

// expire is where due reservations should be dropped; this one never drops any.
func (s *store) expire() {
}

func (s *store) release(id string) *reservation {
	r, live := s.reservations[id]
	if !live {
		return nil
	}
	delete(s.reservations, id)
	s.items[r.SKU].Reserved -= r.Quantity
	return r
}

func view(i *item) item {
	shown := *i
	shown.Available = i.Stock - i.Reserved
	return shown
}

func send(w http.ResponseWriter, status int, body any, contentType string) {
	data, _ := json.Marshal(body)
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}

func sendItem(w http.ResponseWriter, status int, i *item) {
	w.Header().Set("ETag", i.etag())
	send(w, status, view(i), "application/json")
}

func parse(r *http.Request) (map[string]any, *problem) {
	var body any
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20)).Decode(&body); err != nil {
		return nil, &problem{400, "the body is not JSON"}
	}
	object, ok := body.(map[string]any)
	if !ok {
		return nil, &problem{400, "the body must be a JSON object"}
	}
	return object, nil
}

// integer is the value as an integer when it is a JSON number without a fraction within [low, high].
func integer(value any, low, high float64) (int64, bool) {
	n, ok := value.(float64)
	if !ok || n != math.Trunc(n) || n < low || n > high {
		return 0, false
	}
	return int64(n), true
}

func put(w http.ResponseWriter, r *http.Request, sku string) *problem {
	body, bad := parse(r)
	if bad != nil {
		return bad
	}
	name, isText := body["name"].(string)
	stock, isInt := integer(body["stock"], 0, 1e9)
	if !isText || len([]rune(name)) < 1 || len([]rune(name)) > 100 || !isInt {
		return &problem{422, "name must be 1 to 100 characters and stock an integer from 0 to 1000000000"}
	}
	ifMatch, conditional := r.Header["If-Match"]
	db.mu.Lock()
	defer db.mu.Unlock()
	db.expire()
	existing, found := db.items[sku]
	switch {
	case !found && conditional:
		return &problem{412, "there is no such item to match"}
	case !found:
		created := &item{SKU: sku, Name: name, Stock: stock, Version: 1}
		db.items[sku] = created
		sendItem(w, 201, created)
	case !conditional:
		return &problem{428, "changing an item needs If-Match with its ETag"}
	case ifMatch[0] != existing.etag():
		return &problem{412, "the item has changed since that ETag"}
	case stock < existing.Reserved:
		return &problem{409, fmt.Sprintf("stock cannot drop below the %d reserved", existing.Reserved)}
	default:
		existing.Name, existing.Stock, existing.Version = name, stock, existing.Version+1
		sendItem(w, 200, existing)
	}
	return nil
}

func reserve(w http.ResponseWriter, r *http.Request, sku string) *problem {
	body, bad := parse(r)
	if bad != nil {
		return bad
	}
	quantity, quantityOK := integer(body["quantity"], 1, 1e6)
	ttl, ttlOK := integer(body["ttl_seconds"], 1, 3600)
	if !quantityOK || !ttlOK {
		return &problem{422, "quantity must be an integer from 1 to 1000000, ttl_seconds from 1 to 3600"}
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	db.expire()
	target, found := db.items[sku]
	if !found {
		return &problem{404, "no such item"}
	}
	if quantity > target.Stock-target.Reserved {
		return &problem{409, fmt.Sprintf("only %d available", target.Stock-target.Reserved)}
	}
	db.ids++
	held := &reservation{ID: "r" + strconv.Itoa(db.ids), SKU: sku, Quantity: quantity,
		expires: time.Now().Add(time.Duration(ttl) * time.Second)}
	db.reservations[held.ID] = held
	heap.Push(&db.expiries, held)
	target.Reserved += quantity
	w.Header().Set("Location", "/v1/reservations/"+held.ID)
	send(w, 201, held, "application/json")
	return nil
}

func route(w http.ResponseWriter, r *http.Request) *problem {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/"), "/")
	switch {
	case r.Method == "GET" && len(parts) == 1 && parts[0] == "health":
		send(w, 200, map[string]string{"status": "up"}, "application/json")
		return nil
	case len(parts) >= 3 && parts[0] == "v1" && parts[1] == "items" && validSKU.MatchString(parts[2]):
		switch {
		case len(parts) == 3 && r.Method == "PUT":
			return put(w, r, parts[2])
		case len(parts) == 3 && r.Method == "GET":
			db.mu.Lock()
			defer db.mu.Unlock()
			db.expire()
			found, ok := db.items[parts[2]]
			if !ok {
				return &problem{404, "no such item"}
			}
			sendItem(w, 200, found)
			return nil
		case len(parts) == 4 && parts[3] == "reservations" && r.Method == "POST":
			return reserve(w, r, parts[2])
		}
	case len(parts) == 3 && parts[0] == "v1" && parts[1] == "reservations" && (r.Method == "GET" || r.Method == "DELETE"):
		db.mu.Lock()
		defer db.mu.Unlock()
		db.expire()
		var held *reservation
		if r.Method == "DELETE" {
			held = db.release(parts[2])
		} else {
			held = db.reservations[parts[2]]
		}
		if held == nil {
			return &problem{404, "no such live reservation"}
		}
		if r.Method == "DELETE" {
			w.WriteHeader(204)
		} else {
			send(w, 200, held, "application/json")
		}
		return nil
	}
	return &problem{404, "no such resource"}
}

func main() {
	http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if failed := route(w, r); failed != nil {
			send(w, failed.status, map[string]any{"type": "about:blank", "title": titles[failed.status],
				"status": failed.status, "detail": failed.detail}, "application/problem+json")
		}
	}))
}
