module example.com/realsqlx

go 1.26.0

require github.com/jmoiron/sqlx v1.4.0
