<?php
/**
 * The WordPress half of publish-e2e.sh: installs a throwaway site and prepares what Hakam's
 * publisher needs (a post, a user with an Application Password).
 *
 *   php publish-site.php install  WP_ROOT PASSWORD_FILE   (prints the new post's ID)
 */

error_reporting( E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED & ~E_NOTICE );
ini_set( 'display_errors', 'stderr' );

list( , $command, $wp_root, $password_file ) = $argv + array( null, null, null, null );
if ( 'install' !== $command || ! $wp_root || ! $password_file ) {
	fwrite( STDERR, "usage: php publish-site.php install WP_ROOT PASSWORD_FILE\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = 'wordpress.test';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require $wp_root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

function wp_new_blog_notification() {} // no mail server here; pluggable in upgrade.php
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install( 'Hakam publishing check', 'admin', 'admin@wordpress.test', false, '', wp_generate_password() );
update_option( 'timezone_string', 'UTC' );
update_option( 'gmt_offset', 0 );
// WordPress's defaults, set anyway: the placeholder email must satisfy "name and email required",
// and threaded comments must be on for the parent to show.
update_option( 'require_name_email', 1 );
update_option( 'thread_comments', 1 );
update_option( 'comment_moderation', 1 ); // a comment Hakam approved must not wait in WordPress's queue
wp_delete_comment( 1, true ); // the sample comment: wp_comments then holds only what Hakam sends

// A moderator (an editor: moderate_comments and edit_posts, nothing more) for Hakam.
$user_id = wp_insert_user(
	array(
		'user_login' => 'hakam-bot',
		'user_pass'  => wp_generate_password( 32 ),
		'user_email' => 'hakam-bot@wordpress.test',
		'role'       => 'editor',
	)
);
if ( is_wp_error( $user_id ) ) {
	fwrite( STDERR, 'could not create the user: ' . $user_id->get_error_message() . "\n" );
	exit( 1 );
}
$created = WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'hakam' ) );
if ( is_wp_error( $created ) ) {
	fwrite( STDERR, 'could not create the application password: ' . $created->get_error_message() . "\n" );
	exit( 1 );
}
file_put_contents( $password_file, WP_Application_Passwords::chunk_password( $created[0] ) . "\n" );
chmod( $password_file, 0600 );

$post_id = wp_insert_post(
	array(
		'post_title'     => 'An article with readers',
		'post_name'      => 'an-article',
		'post_content'   => 'The article text.',
		'post_status'    => 'publish',
		'post_author'    => 1,
		'comment_status' => 'open',
	),
	true
);
if ( is_wp_error( $post_id ) ) {
	fwrite( STDERR, "could not create the post\n" );
	exit( 1 );
}
fwrite( STDERR, 'installed WordPress ' . get_bloginfo( 'version' ) . ", user hakam-bot ($user_id, editor), post $post_id\n" );
echo $post_id . "\n";
