// Stock reservations API: start here. The standard library is all you need; the sandbox has no network
// to fetch modules.
package main

import (
	"encoding/json"
	"net/http"
)

func send(w http.ResponseWriter, status int, body any, contentType string) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

func problem(w http.ResponseWriter, status int, title string) {
	send(w, status, map[string]any{"type": "about:blank", "title": title, "status": status},
		"application/problem+json")
}

func main() {
	http.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		send(w, 200, map[string]string{"status": "up"}, "application/json")
	})
	// TODO: PUT and GET /v1/items/{sku} (ETag, If-Match), POST /v1/items/{sku}/reservations,
	// GET and DELETE /v1/reservations/{id}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		problem(w, 404, "Not Found")
	})
	http.ListenAndServe(":8080", nil)
}
