// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package demo

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/dbleaklint/dbleaklint/examples/userservice/load"
	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// mix is the demo's request mix, a function of the request's index only,
// so that both twins get exactly the same requests.
//
// Every errorEvery-th request takes an early-return or error path, in
// turn: an unknown user (404, the early return of leak 1), a transfer
// beyond the balance (409, leak 3), a batch with a taken email (an item
// fails, leak 2). Of the others, one in ten is a transfer between two
// accounts, one in ten a batch of two new users, one in ten asks for a
// user's order total (each user twice in a row, so that the second is a
// cache hit: leak 5), one in ten is a deposit (which, in the leaky twin,
// acquires a second connection while holding one), and the rest read a
// user.
type mix struct {
	users      int
	errorEvery int
}

func (m mix) request(i int) load.Request {
	account := int64(i/10%m.users + 1)
	if m.errorEvery > 0 && i%m.errorEvery == m.errorEvery-1 {
		switch i / m.errorEvery % 3 {
		case 0:
			return load.Request{Method: http.MethodGet, Path: fmt.Sprintf("/users/%d", m.users+1+i)}
		case 1:
			return post("/transfer", model.Transfer{FromAccount: account, ToAccount: account%int64(m.users) + 1, AmountCents: 1 << 40})
		default:
			return post("/users/batch", []model.NewUser{{Email: "user1@example.com", Name: "Taken"}})
		}
	}
	switch i % 10 {
	case 5:
		return load.Request{Method: http.MethodGet, Path: fmt.Sprintf("/users/%d/orders/total", i/20%m.users+1)}
	case 6:
		return deposit(i*3%m.users + 1)
	case 7:
		return post("/transfer", model.Transfer{FromAccount: account, ToAccount: account%int64(m.users) + 1, AmountCents: 1})
	case 8:
		return post("/users/batch", []model.NewUser{
			{Email: fmt.Sprintf("load%d-a@example.com", i), Name: "A", InitialBalanceCents: 100},
			{Email: fmt.Sprintf("load%d-b@example.com", i), Name: "B", InitialBalanceCents: 100},
		})
	}
	return load.Request{Method: http.MethodGet, Path: fmt.Sprintf("/users/%d", i*7%m.users+1)}
}

// deposit returns a deposit of one dollar to user's account.
func deposit(user int) load.Request {
	return post(fmt.Sprintf("/users/%d/deposit", user), model.Deposit{AmountCents: 100})
}

// post returns a POST request with v as its JSON body.
func post(path string, v any) load.Request {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err) // the model types always marshal
	}
	return load.Request{Method: http.MethodPost, Path: path, Body: body}
}
