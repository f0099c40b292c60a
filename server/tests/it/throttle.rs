//! Sign-in throttling under abuse (issue 13): concurrent attempts are counted before the
//! password is checked; nobody can lock the right password out of a device or address its
//! user signed in from; behind a proxy the address is the one the proxy saw.

use crate::both;
use crate::support::{InProcess, TestDb, ADMIN_PASSWORD};
use futures::future::join_all;
use klucznik_core::auth::throttle::{FREE_PER_ADDRESS, FREE_PER_PAIR};
use klucznik_core::guard::Settings;

const LOGIN: &str = "/api/auth/login";

/// The device cookie a successful sign-in set.
fn device_cookie(cookies: &[String]) -> String {
    cookies
        .iter()
        .find(|c| c.starts_with(&format!("{}=", app::guard::DEVICE_COOKIE)))
        .expect("a device cookie after a sign-in")
        .clone()
}

fn form(login: &str, password: &str) -> String {
    format!(
        "login={}&password={}",
        crate::support::router::urlencode(login),
        crate::support::router::urlencode(password)
    )
}

async fn failures(db: &TestDb) -> i64 {
    db.number("SELECT COUNT(*) FROM audit WHERE action = 'login.failed'").await
}

/// 200 wrong passwords at once from one address: one login gets its free attempts and one
/// more checked, 200 logins the address's (before issue 13: 147 checks).
async fn concurrent_attempts_are_counted_before_the_check(db: TestDb) {
    let app = InProcess::start(&db).await;
    let one_login = form("admin", "wrong password");
    let answers = join_all((0..200).map(|_| app.send_from(LOGIN, &one_login, "198.51.100.7", &[]))).await;
    for (answer, _) in &answers {
        assert!(matches!(answer.status.as_u16(), 409 | 429), "{} {}", answer.status, answer.body);
    }
    let checked = failures(&db).await;
    assert!(checked <= FREE_PER_PAIR + 1, "{checked} passwords checked for one login");
    assert!(checked >= 1);

    let forms: Vec<String> = (0..200).map(|i| form(&format!("sprayed.{i}"), "Winter2026!")).collect();
    let answers = join_all(forms.iter().map(|f| app.send_from(LOGIN, f, "198.51.100.8", &[]))).await;
    assert!(answers.iter().all(|(a, _)| matches!(a.status.as_u16(), 409 | 429)));
    let sprayed = failures(&db).await - checked;
    assert!(sprayed <= FREE_PER_ADDRESS + 1, "{sprayed} passwords checked from one address");
    assert!(answers.iter().filter(|(a, _)| a.status == 429).count() >= 150, "the rest wait");
}

/// An attacker trying the administrator's password from four places holds back every unknown
/// place, but not the administrator's own address or device (before issue 13: locked out
/// everywhere for up to 15 minutes).
async fn the_right_password_is_not_locked_out_of_a_known_place(db: TestDb) {
    let app = InProcess::start(&db).await;
    let right = form("admin", ADMIN_PASSWORD);
    let (home, _) = app.send_from(LOGIN, &right, "192.0.2.10", &[]).await;
    assert_eq!(home.status, 200, "{}", home.body);
    let (laptop, cookies) = app.send_from(LOGIN, &right, "192.0.2.11", &[]).await;
    assert_eq!(laptop.status, 200, "{}", laptop.body);
    let device = device_cookie(&cookies);
    // Three guesses from each of four places: more than the login's free ten.
    let wrong = form("admin", "guess");
    let mut checked = 0;
    for place in 1..=4 {
        for _ in 0..FREE_PER_PAIR {
            let (answer, _) = app.send_from(LOGIN, &wrong, &format!("203.0.113.{place}"), &[]).await;
            assert!(matches!(answer.status.as_u16(), 409 | 429), "{}", answer.body);
            checked += i64::from(answer.status == 409);
        }
    }
    assert_eq!(
        checked,
        klucznik_core::auth::throttle::FREE_PER_LOGIN + 1,
        "the login's count held the rest back"
    );
    let (elsewhere, _) = app.send_from(LOGIN, &right, "203.0.113.50", &[]).await;
    assert_eq!(elsewhere.status, 429, "an unknown place waits: {}", elsewhere.body);
    let (at_home, _) = app.send_from(LOGIN, &right, "192.0.2.10", &[]).await;
    assert_eq!(at_home.status, 200, "the known address: {}", at_home.body);
    let cookie = [("cookie", device.as_str())];
    let (travelling, _) = app.send_from(LOGIN, &right, "198.51.100.99", &cookie).await;
    assert_eq!(travelling.status, 200, "the known device at a new address: {}", travelling.body);
    // A made-up device cookie is no key.
    let forged = format!("{}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", app::guard::DEVICE_COOKIE);
    let (forging, _) = app.send_from(LOGIN, &right, "203.0.113.51", &[("cookie", forged.as_str())]).await;
    assert_eq!(forging.status, 429, "{}", forging.body);
}

/// A device stays known for 90 days after it was last used to sign in; then the login's counter
/// holds it back like any other place, and the sweep forgets it.
async fn a_device_unused_for_ninety_days_is_no_longer_a_known_place(db: TestDb) {
    let app = InProcess::start(&db).await;
    let right = form("admin", ADMIN_PASSWORD);
    let (laptop, cookies) = app.send_from(LOGIN, &right, "192.0.2.11", &[]).await;
    assert_eq!(laptop.status, 200, "{}", laptop.body);
    let device = device_cookie(&cookies);
    let devices = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM known_devices")
            .fetch_one(app.store.reader_for_tests())
            .await
            .unwrap()
    };
    assert_eq!(devices().await, 1);
    app.clock.advance(91 * 24 * 3_600_000);
    let wrong = form("admin", "guess");
    for place in 1..=4 {
        for _ in 0..FREE_PER_PAIR {
            let (answer, _) = app.send_from(LOGIN, &wrong, &format!("203.0.113.{place}"), &[]).await;
            assert!(matches!(answer.status.as_u16(), 409 | 429), "{}", answer.body);
        }
    }
    let cookie = [("cookie", device.as_str())];
    let (travelling, _) = app.send_from(LOGIN, &right, "198.51.100.99", &cookie).await;
    assert_eq!(travelling.status, 429, "a device unused for 91 days waits: {}", travelling.body);
    assert_eq!(devices().await, 1, "the row stays until the sweep");
    klucznik_core::sessions::maintenance::sweep(&app.store).await.unwrap();
    assert_eq!(devices().await, 0, "the sweep forgets it");
}

/// Behind one proxy, a client that rotates the left part of X-Forwarded-For is still one
/// address, for throttling and in the audit.
async fn behind_a_proxy_the_address_is_the_one_the_proxy_saw(db: TestDb) {
    let settings = Settings { behind_proxy: true, trusted_proxies: 1, ..Default::default() };
    let app = InProcess::start_with(&db, settings).await;
    let wrong = form("admin", "guess");
    let mut statuses = Vec::new();
    for i in 0..8 {
        let spoofed = format!("10.9.9.{i}, 203.0.113.77");
        let (answer, _) =
            app.send_from(LOGIN, &wrong, "127.0.0.1", &[("x-forwarded-for", spoofed.as_str())]).await;
        statuses.push(answer.status.as_u16());
    }
    let checked = statuses.iter().filter(|s| **s == 409).count() as i64;
    assert_eq!(checked, FREE_PER_PAIR + 1, "{statuses:?}");
    let addresses =
        db.number("SELECT COUNT(DISTINCT client_addr) FROM audit WHERE action LIKE 'login.%'").await;
    assert_eq!(addresses, 1, "one address in the audit");
    assert_eq!(
        db.number("SELECT COUNT(*) FROM audit WHERE action LIKE 'login.%' AND client_addr = '203.0.113.77'")
            .await,
        8
    );
}

/// One's own password change counts wrong current passwords under its own key: a stolen
/// session cannot lock its user out of signing in, and the right one gives a new token.
async fn a_password_change_rotates_the_token_and_keeps_sign_in_open(db: TestDb) {
    let app = InProcess::start(&db).await;
    let token = app.admin().await;
    for _ in 0..6 {
        let answer = app
            .call(
                "/api/auth/password",
                "current_password=wrong&new_password=Another-Pass-3&confirm_password=Another-Pass-3",
                Some(&token),
            )
            .await;
        assert!(matches!(answer.status.as_u16(), 422 | 429), "{}", answer.body);
    }
    let (signed, _) = app.send_from(LOGIN, &form("admin", "Fresh-Admin-Password-2"), "192.0.2.20", &[]).await;
    assert_eq!(signed.status, 200, "signing in is not held back: {}", signed.body);
    let fresh = app.sign_in("admin", "Fresh-Admin-Password-2").await;
    // The change itself waits out its own count.
    app.clock.advance(3_000);
    let answer = app
        .call(
            "/api/auth/password",
            "current_password=Fresh-Admin-Password-2&new_password=Another-Pass-3x&confirm_password=Another-Pass-3x",
            Some(&fresh),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let rotated = answer.token.expect("a new session cookie");
    assert_ne!(rotated, fresh);
    assert_eq!(app.call("/api/auth/me", "", Some(&fresh)).await.status, 401, "the old token opens nothing");
    assert_eq!(app.call("/api/auth/me", "", Some(&rotated)).await.status, 200);
}

both!(
    concurrent_attempts_are_counted_before_the_check,
    the_right_password_is_not_locked_out_of_a_known_place,
    a_device_unused_for_ninety_days_is_no_longer_a_known_place,
    behind_a_proxy_the_address_is_the_one_the_proxy_saw,
    a_password_change_rotates_the_token_and_keeps_sign_in_open,
);
