//! Password hashing with argon2id (OWASP parameters), at most one hash per core at a time, on
//! threads of its own that yield to every other request: they run at a lower scheduling
//! priority (nice 10), so a storm of sign-ins takes every idle cycle but not the cycles other
//! requests need, and each keeps its 19 MiB of working memory from one hash to the next
//! (docs/MEASUREMENTS.md "Signing in").

use crate::error::AppError;
use argon2::password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;
/// The most working memory a hashing thread keeps (a stored hash asking for more, e.g. one
/// made elsewhere with other parameters, gets memory of its own for that one hash).
const MAX_KEPT_BLOCKS: usize = 4 * MEMORY_KIB as usize;

fn params() -> Params {
    Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid argon2 parameters")
}

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// Verified against when the login is unknown, so that both answers take as long.
    decoy: Arc<str>,
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher::new()
    }
}

impl Hasher {
    pub fn new() -> Hasher {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        let decoy =
            hash_with(&crate::auth::token::new_token(), &mut Memory::new()).expect("hashing a random string");
        Hasher { permits: Arc::new(Semaphore::new(cores)), decoy: decoy.into() }
    }

    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let password = password.to_string();
        self.run(move |memory| hash_with(&password, memory)).await?
    }

    /// Whether `password` matches `hash`; with no hash, the same work is done and the answer is no.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, AppError> {
        let (password, known) = (password.to_string(), hash.is_some());
        let hash = hash.map(str::to_string).unwrap_or_else(|| self.decoy.to_string());
        let matches = self.run(move |memory| verify_with(&password, &hash, memory)).await?;
        Ok(known && matches)
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let _permit = self.permits.acquire().await.map_err(|e| AppError::internal("hasher", e))?;
        let (done, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |memory| {
            let _ = done.send(work(memory));
        });
        pool()
            .lock()
            .map_err(|e| AppError::internal("hasher", e))?
            .send(job)
            .map_err(|e| AppError::internal("hasher", e))?;
        answer.await.map_err(|e| AppError::internal("hasher", e))
    }
}

/// A hashing thread's working memory, kept between hashes: allocating and releasing 19 MiB
/// for every hash put a fifth of a hashing loop's time in the kernel (page faults), kept it is
/// 1 % (docs/MEASUREMENTS.md "Signing in"). Argon2 writes every block before it reads it, so
/// what a previous hash left there changes nothing.
type Memory = Vec<Block>;
type Job = Box<dyn FnOnce(&mut Memory) + Send>;

/// The hashing threads, one per core (as many as the permits let work at once), started once.
fn pool() -> &'static std::sync::Mutex<std::sync::mpsc::Sender<Job>> {
    static POOL: std::sync::OnceLock<std::sync::Mutex<std::sync::mpsc::Sender<Job>>> =
        std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let (send, receive) = std::sync::mpsc::channel::<Job>();
        let receive = Arc::new(std::sync::Mutex::new(receive));
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        for i in 0..cores {
            let receive = receive.clone();
            let started = std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || {
                lower_priority();
                let mut memory = Memory::new();
                loop {
                    let job = match receive.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(&mut memory),
                        Err(_) => return,
                    }
                }
            });
            if let Err(e) = started {
                tracing::error!("cannot start a hashing thread: {e}");
            }
        }
        std::sync::Mutex::new(send)
    })
}

/// Nice 10 for the calling thread (on Linux a thread has its own priority); elsewhere nothing.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its integer arguments; who = 0 is the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// A new argon2id hash of `password` in PHC form, with a fresh salt and this module's parameters.
fn hash_with(password: &str, memory: &mut Memory) -> Result<String, AppError> {
    let fail = |e: &dyn std::fmt::Display| AppError::internal("hasher", e.to_string());
    let params = params();
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.as_salt().decode_b64(&mut salt_bytes).map_err(|e| fail(&e))?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    fill(&argon2, password.as_bytes(), salt_bytes, &mut out, memory).map_err(|e| fail(&e))?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| fail(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| fail(&e))?),
    };
    Ok(phc.to_string())
}

/// Whether `password` gives the stored PHC `hash`, with the algorithm, version and parameters
/// the hash names (as the `password-hash` crate's verifier does); the outputs are compared in
/// constant time (`Output`'s equality).
fn verify_with(password: &str, hash: &str, memory: &mut Memory) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else { return false };
    let version = match parsed.version.map(Version::try_from).transpose() {
        Ok(version) => version.unwrap_or_default(),
        Err(_) => return false,
    };
    let (Ok(params), Some(salt), Some(expected)) = (Params::try_from(&parsed), parsed.salt, parsed.hash)
    else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else { return false };
    let mut out = vec![0u8; expected.len()];
    let argon2 = Argon2::new(algorithm, version, params);
    fill(&argon2, password.as_bytes(), salt, &mut out, memory).is_ok()
        && Output::new(&out).is_ok_and(|computed| computed == expected)
}

fn fill(
    argon2: &Argon2,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
    memory: &mut Memory,
) -> argon2::Result<()> {
    let blocks = argon2.params().block_count();
    if blocks > MAX_KEPT_BLOCKS {
        return argon2.hash_password_into(password, salt, out);
    }
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    argon2.hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let hasher = Hasher::new();
        let hash = hasher.hash("correct horse battery").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hasher.verify("correct horse battery", Some(&hash)).await.unwrap());
        assert!(!hasher.verify("correct horse batterY", Some(&hash)).await.unwrap());
        assert!(!hasher.verify("anything", None).await.unwrap());
        assert!(!hasher.verify("anything", Some("not a hash")).await.unwrap());
    }

    /// The kept memory gives the answers of the `argon2` crate's own hasher and verifier, for
    /// hashes with other parameters too, whatever the hash before left in it.
    #[test]
    fn kept_memory_agrees_with_the_reference_implementation() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let mut memory = Memory::new();
        let ours = hash_with("Zażółć gęślą jaźń 1", &mut memory).unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        let reference = Argon2::new(Algorithm::Argon2id, Version::V0x13, params());
        assert!(reference.verify_password("Zażółć gęślą jaźń 1".as_bytes(), &parsed).is_ok());
        assert!(reference.verify_password(b"Zazolc gesla jazn 1", &parsed).is_err());
        let other_params = Params::new(8 * 1024, 3, 1, Some(24)).unwrap();
        for (algorithm, version) in
            [(Algorithm::Argon2id, Version::V0x13), (Algorithm::Argon2i, Version::V0x10)]
        {
            let salt = SaltString::generate(&mut OsRng);
            let theirs = Argon2::new(algorithm, version, other_params.clone())
                .hash_password(b"another secret", &salt)
                .unwrap()
                .to_string();
            assert!(verify_with("another secret", &theirs, &mut memory), "{theirs}");
            assert!(!verify_with("another secreT", &theirs, &mut memory), "{theirs}");
            assert!(verify_with("Zażółć gęślą jaźń 1", &ours, &mut memory));
        }
        assert_eq!(memory.len(), params().block_count(), "kept at the largest size asked for");
    }
}
