fn main() {
    let d = std::path::Path::new("/tmp/pgtruth/small");
    std::fs::create_dir_all(d).unwrap();
    let a = pgsight_gen::plans::partitioned_count(20);
    std::fs::write(d.join("append.txt"), a.text()).unwrap();
    std::fs::write(d.join("append.json"), a.json()).unwrap();
    let j = pgsight_gen::plans::join_chain(5);
    std::fs::write(d.join("join.txt"), j.text()).unwrap();
    std::fs::write(d.join("join.json"), j.json()).unwrap();
    let u = pgsight_gen::plans::union_report(30);
    std::fs::write(d.join("union.txt"), u.text()).unwrap();
    std::fs::write(d.join("union.json"), u.json()).unwrap();
    std::fs::write(d.join("schema.sql"), pgsight_gen::schema::dump(30, 150).sql).unwrap();
}
