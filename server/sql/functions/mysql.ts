// Allowlist of MySQL/MariaDB built-in functions a Rowcraft query may call. Anything else is
// refused: sleep() and benchmark() stall the server, get_lock()/release_lock() take locks that
// outlive the query, load_file() reads server files, sys_exec()/sys_eval() and every other
// user-defined function run arbitrary code, last_insert_id(expr) and similar change session state.

const AGGREGATES = `count sum avg min max group_concat bit_and bit_or bit_xor std stddev stddev_pop stddev_samp
  variance var_pop var_samp json_arrayagg json_objectagg`;

const WINDOW = `row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value`;

const MATH = `abs ceil ceiling floor round truncate sign sqrt exp ln log log2 log10 pow power mod pi degrees radians
  sin cos tan cot asin acos atan atan2 rand conv crc32 div`;

const STRING = `length char_length character_length octet_length bit_length lower upper lcase ucase trim ltrim rtrim
  lpad rpad substr substring substring_index mid left right locate instr position replace concat concat_ws repeat
  reverse space insert field find_in_set elt quote hex unhex ascii ord char soundex strcmp regexp_like
  regexp_replace regexp_substr regexp_instr md5 sha1 sha sha2 to_base64 from_base64 bin oct format
  format_bytes lcase ucase`;

const DATETIME = `now curdate current_date curtime current_time current_timestamp localtime localtimestamp sysdate
  utc_date utc_time utc_timestamp date time year month day dayofmonth dayofweek dayofyear dayname monthname hour
  minute second microsecond week weekday weekofyear yearweek quarter date_add date_sub adddate subdate addtime
  subtime datediff timediff timestampdiff timestampadd date_format time_format str_to_date from_unixtime
  unix_timestamp to_days from_days to_seconds last_day makedate maketime period_add period_diff sec_to_time
  time_to_sec extract convert_tz get_format timestamp`;

const JSON_FUNCTIONS = `json_extract json_unquote json_object json_array json_contains json_contains_path json_keys
  json_length json_type json_valid json_set json_insert json_replace json_remove json_merge_patch
  json_merge_preserve json_merge json_search json_quote json_depth json_pretty json_value json_overlaps
  json_array_append json_array_insert json_storage_size json_schema_valid`;

const CONDITIONAL_AND_MISC = `if ifnull nullif coalesce greatest least isnull interval cast convert uuid uuid_short
  bin_to_uuid uuid_to_bin is_uuid inet_aton inet_ntoa inet6_aton inet6_ntoa is_ipv4 is_ipv6 values database
  schema`;

export const MYSQL_FUNCTIONS: ReadonlySet<string> = new Set(
  [AGGREGATES, WINDOW, MATH, STRING, DATETIME, JSON_FUNCTIONS, CONDITIONAL_AND_MISC].join(" ").split(/\s+/).filter(Boolean),
);

/** Aggregate and window functions: a read calling one in its select list no longer returns plain table rows. */
export const MYSQL_AGGREGATES: ReadonlySet<string> = new Set([AGGREGATES, WINDOW].join(" ").split(/\s+/).filter(Boolean));
