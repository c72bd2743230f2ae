// Not Go code. This file makes targets/clients/js a module of its own, so
// that the stsconform module's ./... (go vet, staticcheck, go test) does not
// pick up the Go file an npm package ships in node_modules
// (eslint → flat-cache → flatted/golang).
module stsconform.invalid/clients-js-not-go

go 1.26
