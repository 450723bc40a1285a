<?php
/**
 * The WordPress half of verify-wxr.sh: installs a throwaway site, runs the WordPress Importer
 * plugin on Hakam's WXR, and compares what arrived with Hakam's own NDJSON export of the
 * same comments. Run by verify-wxr.sh; every command prints one summary line per finding and
 * exits non-zero when a comment did not arrive as Hakam had it.
 *
 *   php wxr-check.php install  WP_ROOT
 *   php wxr-check.php posts    WP_ROOT IDS            (existing posts with these IDs, e.g. 42,7)
 *   php wxr-check.php import   WP_ROOT PLUGIN WXR [attach-numeric]
 *   php wxr-check.php parsers  WP_ROOT PLUGIN WXR EXPECTED.ndjson
 *   php wxr-check.php check    WP_ROOT EXPECTED.ndjson placeholder|attach-numeric
 */

error_reporting( E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED & ~E_NOTICE );
ini_set( 'display_errors', 'stderr' );

list( , $command, $wp_root ) = $argv + array( null, null, null );
if ( ! $command || ! $wp_root ) {
	fwrite( STDERR, "usage: see the header of wxr-check.php\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = 'wordpress.test';
$_SERVER['REQUEST_URI'] = '/';
if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require $wp_root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

switch ( $command ) {
	case 'install':
		function wp_new_blog_notification() {} // no mail server here; pluggable in upgrade.php
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$result = wp_install( 'Hakam WXR check', 'admin', 'admin@wordpress.test', false, '', wp_generate_password() );
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', 0 );
		wp_delete_comment( 1, true ); // the sample comment: wp_comments then holds only what the importer adds
		echo 'installed WordPress ' . get_bloginfo( 'version' ) . ', admin user ' . $result['user_id'] . "\n";
		exit( 0 );

	case 'posts':
		wp_set_current_user( 1 );
		foreach ( array_filter( explode( ',', $argv[3] ) ) as $id ) {
			if ( get_post( (int) $id ) ) {
				echo "post $id already exists: " . get_the_title( (int) $id ) . "\n";
				continue;
			}
			$made = wp_insert_post(
				array(
					'import_id'    => (int) $id,
					'post_title'   => "Existing article $id",
					'post_content' => 'An article that already has readers.',
					'post_status'  => 'publish',
					'post_date'    => '2020-01-01 10:00:00',
				),
				true
			);
			echo is_wp_error( $made ) ? "could not create post $id\n" : "created post $made\n";
		}
		exit( 0 );

	case 'import':
		list( , , , $plugin, $file ) = $argv;
		load_importer( $plugin );
		wp_set_current_user( 1 ); // an administrator runs Tools → Import
		if ( 'attach-numeric' === ( $argv[5] ?? '' ) ) {
			add_filter( 'wp_import_existing_post', 'hakam_attach_to_numeric_post', 10, 2 );
		}
		$importer                    = new WP_Import();
		$importer->fetch_attachments = false;
		ob_start();
		$importer->import( $file );
		$log = trim( preg_replace( '/\s+/', ' ', wp_strip_all_tags( ob_get_clean() ) ) );
		echo "importer said: $log\n";
		exit( 0 );

	case 'parsers':
		list( , , , $plugin, $file, $expected_file ) = $argv;
		load_importer( $plugin );
		$expected = read_expected( $expected_file );
		$failed   = false;
		foreach ( array( 'WXR_Parser_SimpleXML', 'WXR_Parser_XML', 'WXR_Parser_Regex' ) as $class ) {
			$parser = new $class();
			$data   = $parser->parse( $file );
			if ( is_wp_error( $data ) ) {
				echo "$class: FAILED to parse: " . $data->get_error_message() . "\n";
				$failed = true;
				continue;
			}
			$problems = compare_parsed( $data, $expected );
			$count    = 0;
			foreach ( $data['posts'] as $post ) {
				$count += count( $post['comments'] ?? array() );
			}
			printf( "%s: WXR %s, %d posts, %d comments parsed, %d of %d expected exact\n", $class, $data['version'], count( $data['posts'] ), $count, count( $expected ) - count( array_unique( array_column( $problems, 'id' ) ) ), count( $expected ) );
			foreach ( $problems as $problem ) {
				printf( "  %s comment %s %s: expected %s, got %s\n", $class, $problem['id'], $problem['field'], json_encode( $problem['expected'], JSON_UNESCAPED_UNICODE ), json_encode( $problem['got'], JSON_UNESCAPED_UNICODE ) );
			}
			if ( 'WXR_Parser_SimpleXML' === $class && $problems ) {
				$failed = true; // the parser WordPress uses whenever SimpleXML is installed
			}
		}
		exit( $failed ? 1 : 0 );

	case 'check':
		list( , , , $expected_file, $mode ) = $argv;
		wp_set_current_user( 1 ); // the importer ran as an administrator: the same comment filters apply
		exit( check_database( read_expected( $expected_file ), $mode ) ? 0 : 1 );
}
fwrite( STDERR, "unknown command $command\n" );
exit( 2 );

/** Loads the plugin the way WordPress does for Tools → Import. */
function load_importer( $plugin ) {
	define( 'WP_LOAD_IMPORTERS', true );
	$main = file_exists( "$plugin/wordpress-importer.php" ) ? "$plugin/wordpress-importer.php" : "$plugin/src/wordpress-importer.php";
	require_once $main;
	if ( ! class_exists( 'WP_Import' ) ) {
		fwrite( STDERR, "no WP_Import class in $main\n" );
		exit( 2 );
	}
}

/**
 * The filter Tests/WordPress/README.md suggests for sites whose Hakam post keys are WordPress
 * post IDs: comments go to the existing post instead of a new placeholder post.
 */
function hakam_attach_to_numeric_post( $post_exists, $post ) {
	foreach ( $post['postmeta'] ?? array() as $meta ) {
		if ( 'hakam_post_key' === $meta['key'] && ctype_digit( $meta['value'] ) && get_post( (int) $meta['value'] ) ) {
			return (int) $meta['value'];
		}
	}
	return $post_exists;
}

/** Hakam's NDJSON export: the public comments as Hakam has them, keyed by id. */
function read_expected( $file ) {
	$expected = array();
	foreach ( file( $file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
		$comment                    = json_decode( $line, true );
		$comment['wp_date']         = substr( $comment['created_at'], 0, 10 ) . ' ' . substr( $comment['created_at'], 11, 8 );
		$expected[ $comment['id'] ] = $comment;
	}
	return $expected;
}

/**
 * The fields of one WXR comment as Hakam wrote them: exactly, no WordPress filter involved. Line
 * ends are LF in the WXR (CRLF and a lone CR alike), see docs/export-import.md.
 */
function expected_wxr_fields( $comment ) {
	return array(
		'comment_id'           => (string) $comment['id'],
		'comment_author'       => preg_replace( '/\r\n?/', "\n", $comment['name'] ),
		'comment_author_email' => '',
		'comment_author_IP'    => '',
		'comment_author_url'   => $comment['url'] ?? '',
		'comment_date'         => $comment['wp_date'],
		'comment_date_gmt'     => $comment['wp_date'],
		'comment_content'      => preg_replace( '/\r\n?/', "\n", $comment['body'] ),
		'comment_approved'     => '1',
		'comment_type'         => 'comment',
		'comment_parent'       => (string) ( $comment['parent'] ?? 0 ),
		'comment_user_id'      => '0',
	);
}

function post_key_of( $post ) {
	foreach ( $post['postmeta'] ?? array() as $meta ) {
		if ( 'hakam_post_key' === $meta['key'] ) {
			return $meta['value'];
		}
	}
	return null;
}

/** Every parsed comment against Hakam's export, field by field. */
function compare_parsed( $data, $expected ) {
	$problems = array();
	$seen     = array();
	foreach ( $data['posts'] as $post ) {
		$key = post_key_of( $post );
		foreach ( array( 'post_type' => 'post', 'status' => 'publish' ) as $field => $want ) {
			if ( (string) $post[ $field ] !== $want ) {
				$problems[] = array( 'id' => "(post $key)", 'field' => $field, 'expected' => $want, 'got' => $post[ $field ] );
			}
		}
		foreach ( $post['comments'] ?? array() as $parsed ) {
			$id = (int) $parsed['comment_id'];
			if ( ! isset( $expected[ $id ] ) ) {
				$problems[] = array( 'id' => $id, 'field' => 'comment_id', 'expected' => 'a Hakam id', 'got' => $parsed['comment_id'] );
				continue;
			}
			$seen[ $id ] = true;
			if ( $key !== $expected[ $id ]['post'] ) {
				$problems[] = array( 'id' => $id, 'field' => 'post key', 'expected' => $expected[ $id ]['post'], 'got' => $key );
			}
			foreach ( expected_wxr_fields( $expected[ $id ] ) as $field => $want ) {
				$got = (string) ( $parsed[ $field ] ?? '(missing)' );
				// WXR_Parser_XML reads "0" as "" (PHP's empty()); the importer casts both to 0.
				$numeric = in_array( $field, array( 'comment_id', 'comment_parent', 'comment_user_id' ), true );
				if ( $numeric ? (int) $got !== (int) $want : $got !== $want ) {
					$problems[] = array( 'id' => $id, 'field' => $field, 'expected' => $want, 'got' => $got );
				}
			}
		}
	}
	foreach ( array_diff_key( $expected, $seen ) as $id => $comment ) {
		$problems[] = array( 'id' => $id, 'field' => '(whole comment)', 'expected' => 'present', 'got' => 'missing' );
	}
	return $problems;
}

/** What WordPress's own comment filters make of a value (as for a comment posted on the site). */
function wordpress_filtered( $filter, $value ) {
	return wp_unslash( apply_filters( $filter, wp_slash( $value ) ) );
}

/** wp_comments against Hakam's export: every comment on the right post, parent, author, … */
function check_database( $expected, $mode ) {
	global $wpdb;
	$ok       = true;
	$by_key   = array();
	$filtered = array();
	foreach ( $expected as $comment ) {
		$by_key[ $comment['post'] ][] = $comment;
	}
	$wp_id_of = array(); // Hakam comment id → WordPress comment_ID
	$checked  = 0;
	foreach ( $by_key as $key => $comments ) {
		$posts = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT post_id FROM {$wpdb->postmeta} WHERE meta_key = 'hakam_post_key' AND meta_value = %s", $key ) );
		if ( 'attach-numeric' === $mode && ctype_digit( (string) $key ) ) {
			$want_post = (int) $key;
			if ( $posts !== array( (string) $want_post ) ) {
				echo "FAIL post $key: hakam_post_key is on posts " . implode( ',', $posts ) . ", expected the existing post $want_post\n";
				$ok = false;
			}
		} else {
			if ( count( $posts ) !== 1 ) {
				echo "FAIL post $key: " . count( $posts ) . " WordPress posts carry it, expected 1\n";
				$ok = false;
				continue;
			}
			$want_post = (int) $posts[0];
		}
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$wpdb->comments} WHERE comment_post_ID = %d ORDER BY comment_ID", $want_post ), ARRAY_A );
		usort( $comments, fn( $a, $b ) => $a['id'] <=> $b['id'] );
		if ( count( $rows ) !== count( $comments ) ) {
			echo "FAIL post $key (WordPress post $want_post): " . count( $rows ) . ' comments, expected ' . count( $comments ) . "\n";
			$ok = false;
			continue;
		}
		// The importer inserts a post's comments in the order of their source ids.
		foreach ( $comments as $index => $comment ) {
			$row                          = $rows[ $index ];
			$wp_id_of[ $comment['id'] ]   = (int) $row['comment_ID'];
			// What the WXR carries, less the ids WordPress renumbers (the parent is checked below), plus
			// the columns the importer fills itself.
			$want = array_diff_key( expected_wxr_fields( $comment ), array_flip( array( 'comment_id', 'comment_parent', 'comment_user_id' ) ) )
				+ array( 'comment_agent' => '', 'comment_karma' => '0', 'user_id' => '0' );
			$filters = array(
				'comment_author'     => 'pre_comment_author_name',
				'comment_author_url' => 'pre_comment_author_url',
				'comment_content'    => 'pre_comment_content',
			);
			foreach ( $want as $field => $value ) {
				if ( (string) $row[ $field ] === $value ) {
					continue;
				}
				if ( isset( $filters[ $field ] ) && (string) $row[ $field ] === wordpress_filtered( $filters[ $field ], $value ) ) {
					$filtered[] = sprintf( '%s of comment %d: %s stored as %s', $field, $comment['id'], json_encode( $value, JSON_UNESCAPED_UNICODE ), json_encode( $row[ $field ], JSON_UNESCAPED_UNICODE ) );
					continue;
				}
				printf( "FAIL comment %d %s: expected %s, got %s\n", $comment['id'], $field, json_encode( $value, JSON_UNESCAPED_UNICODE ), json_encode( $row[ $field ], JSON_UNESCAPED_UNICODE ) );
				$ok = false;
			}
			$checked++;
		}
	}
	foreach ( $expected as $comment ) {
		if ( ! isset( $wp_id_of[ $comment['id'] ] ) ) {
			continue;
		}
		$want_parent = $comment['parent'] ? ( $wp_id_of[ $comment['parent'] ] ?? -1 ) : 0;
		$got_parent  = (int) $wpdb->get_var( $wpdb->prepare( "SELECT comment_parent FROM {$wpdb->comments} WHERE comment_ID = %d", $wp_id_of[ $comment['id'] ] ) );
		if ( $got_parent !== $want_parent ) {
			printf( "FAIL comment %d parent: expected WordPress comment %d (Hakam %s), got %d\n", $comment['id'], $want_parent, $comment['parent'] ?? 'none', $got_parent );
			$ok = false;
		}
	}
	$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->comments}" );
	printf( "%s: %d of %d comments checked field by field (post, parent, author, email, IP, URL, dates, content, approval, type, user agent, karma, user); wp_comments holds %d rows in all\n", $ok ? 'OK' : 'FAIL', $checked, count( $expected ), $total );
	foreach ( $filtered as $line ) {
		echo "  changed by WordPress's own comment filters (as for any comment posted on the site): $line\n";
	}
	return $ok;
}
