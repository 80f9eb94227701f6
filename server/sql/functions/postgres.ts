// Allowlist of PostgreSQL built-in functions a Rowcraft query may call. Everything else is
// refused, because a function is the one place a "read-only" SELECT can still act: sleep
// (pg_sleep), take locks that outlive the transaction (pg_advisory_lock*), talk to other sessions
// (pg_notify, pg_terminate_backend), write large objects (lo_*), read server files
// (pg_read_file), open connections (dblink*), run SQL hidden in a string (query_to_xml), change
// settings (set_config) or call user-defined code. current_setting() is refused too: it exposes
// server configuration and whatever the execution layer stores in session settings.

const AGGREGATES = `count sum avg min max array_agg string_agg bool_and bool_or every bit_and bit_or bit_xor
  json_agg jsonb_agg json_agg_strict jsonb_agg_strict json_object_agg jsonb_object_agg json_object_agg_strict
  jsonb_object_agg_strict json_object_agg_unique jsonb_object_agg_unique json_object_agg_unique_strict
  jsonb_object_agg_unique_strict stddev stddev_pop stddev_samp variance var_pop var_samp corr covar_pop covar_samp
  regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy
  percentile_cont percentile_disc mode any_value range_agg range_intersect_agg`;

const WINDOW = `row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value`;

const MATH = `abs ceil ceiling floor round trunc sign sqrt cbrt exp ln log log10 power pow mod div pi degrees radians
  sin cos tan cot asin acos atan atan2 sind cosd tand cotd asind acosd atand atan2d sinh cosh tanh asinh acosh atanh
  gcd lcm factorial width_bucket scale min_scale trim_scale random random_normal erf erfc`;

const STRING = `length char_length character_length octet_length bit_length lower upper initcap trim btrim ltrim rtrim
  lpad rpad substr substring left right position strpos replace translate concat concat_ws repeat reverse split_part
  string_to_array array_to_string string_to_table regexp_replace regexp_match regexp_matches regexp_split_to_array
  regexp_split_to_table regexp_like regexp_count regexp_instr regexp_substr starts_with format md5 sha224 sha256
  sha384 sha512 encode decode quote_ident quote_literal quote_nullable to_hex to_bin to_oct ascii chr overlay
  normalize is_normalized unistr casefold convert_from convert_to to_char to_number to_date to_timestamp
  textlen bpchar text varchar crc32 crc32c get_byte get_bit`;

const DATETIME = `now clock_timestamp statement_timestamp transaction_timestamp timeofday date_trunc date_part
  extract age make_date make_time make_timestamp make_timestamptz make_interval justify_days justify_hours
  justify_interval date_bin isfinite timezone overlaps date_add date_subtract localtime localtimestamp`;

const JSON_FUNCTIONS = `to_json to_jsonb row_to_json array_to_json json_build_object jsonb_build_object json_build_array
  jsonb_build_array json_object jsonb_object json_array_length jsonb_array_length json_each jsonb_each json_each_text
  jsonb_each_text json_extract_path jsonb_extract_path json_extract_path_text jsonb_extract_path_text
  json_object_keys jsonb_object_keys json_array_elements jsonb_array_elements json_array_elements_text
  jsonb_array_elements_text json_typeof jsonb_typeof json_strip_nulls jsonb_strip_nulls jsonb_set jsonb_set_lax
  jsonb_insert jsonb_pretty jsonb_path_query jsonb_path_query_array jsonb_path_query_first jsonb_path_exists
  jsonb_path_match json_populate_record jsonb_populate_record json_populate_recordset jsonb_populate_recordset
  json_to_record jsonb_to_record json_to_recordset jsonb_to_recordset jsonb_concat jsonb_exists json_scalar
  json_serialize json`;

const ARRAYS = `array_length array_upper array_lower cardinality array_append array_prepend array_cat array_remove
  array_replace array_position array_positions unnest array_dims array_ndims array_fill trim_array array_sample
  array_shuffle array_reverse array_sort generate_series generate_subscripts`;

// What the parser itself turns SQL syntax into (LIKE ... ESCAPE, SIMILAR TO, COLLATION FOR, SYSTEM_USER).
const SQL_SYNTAX = `like_escape similar_to_escape pg_collation_for system_user`;

const CONDITIONAL_AND_TYPES = `coalesce nullif greatest least num_nulls num_nonnulls pg_typeof format_type
  int2 int4 int8 float4 float8 numeric bool date time timestamp timestamptz interval uuid gen_random_uuid uuidv4
  uuidv7 uuid_extract_timestamp uuid_extract_version current_database current_schema current_schemas
  lower_inc upper_inc lower_inf upper_inf isempty range_merge int4range int8range numrange tsrange tstzrange daterange
  int4multirange int8multirange nummultirange tsmultirange tstzmultirange datemultirange multirange`;

const TEXT_SEARCH = `to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank ts_rank_cd
  ts_headline setweight strip numnode querytree tsvector_to_array array_to_tsvector`;

const GEOMETRY_AND_NETWORK = `area center diameter height width radius point box circle line lseg path polygon
  npoints isclosed isopen host hostmask masklen netmask network broadcast family abbrev inet_merge
  inet_same_family set_masklen`;

export const POSTGRES_FUNCTIONS: ReadonlySet<string> = new Set(
  [AGGREGATES, WINDOW, MATH, STRING, DATETIME, JSON_FUNCTIONS, ARRAYS, SQL_SYNTAX, CONDITIONAL_AND_TYPES, TEXT_SEARCH, GEOMETRY_AND_NETWORK]
    .join(" ")
    .split(/\s+/)
    .filter(Boolean),
);

/** Aggregate and window functions: a read calling one in its select list no longer returns plain table rows. */
export const POSTGRES_AGGREGATES: ReadonlySet<string> = new Set([AGGREGATES, WINDOW].join(" ").split(/\s+/).filter(Boolean));
