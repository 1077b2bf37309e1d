// Answers GET /work after hashing a buffer ROUNDS times: a fixed amount of CPU per request. The
// latency-fidelity benchmark makes copies with more rounds to slow it on purpose.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

const rounds = 20000

func main() {
	http.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("up"))
	})
	http.HandleFunc("GET /work", func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.Sum256([]byte(r.URL.Path))
		for i := 1; i < rounds; i++ {
			sum = sha256.Sum256(sum[:])
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(hex.EncodeToString(sum[:])))
	})
	http.ListenAndServe(":8080", nil)
}
