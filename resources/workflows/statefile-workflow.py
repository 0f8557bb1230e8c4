#!/usr/bin/env python3
"""Example provisioning workflow for CloudEx's workflow driver.

A site whose provisioning is a pre-defined process plugs it in as a command: CloudEx runs
the command once per operation, writes one JSON request to stdin and reads one JSON answer
from stdout. This example keeps its hosts and VMs in a JSON state file, so it really
creates, starts, stops and deletes (the file is the "hypervisor"); a real site would call
its own tooling at the marked places.

Usage: statefile-workflow.py --state FILE
Requests:  {"action": "hosts" | "list" | "templates"}
           {"action": "provision", "host", "name", "vcpus", "memoryMiB", "template"}
           {"action": "start" | "stop" | "reboot" | "delete", "host", "name"}
           {"action": "clone", "host", "name", "newName"}
Answers:   {"ok": true, ...} or {"ok": false, "error": "message for the seller"}
"""
import argparse
import fcntl
import json
import os
import sys

DEFAULT_STATE = {
    "hosts": [
        {"id": "wf-a", "cpus": 8, "memoryMiB": 16384},
        {"id": "wf-b", "cpus": 8, "memoryMiB": 16384},
    ],
    "templates": [{"name": "golden-image", "capacityBytes": 1073741824}],
    "vms": [],
}


def find_vm(state, host, name):
    for vm in state["vms"]:
        if vm["name"] == name and vm["host"] == host:
            return vm
    raise LookupError(f"no VM {name} on {host}")


def handle(state, request):
    action = request.get("action")
    host_ids = [h["id"] for h in state["hosts"]]
    if action == "hosts":
        return {"hosts": state["hosts"]}
    if action == "list":
        return {"vms": state["vms"]}
    if action == "templates":
        return {"templates": [dict(t, host=h) for t in state["templates"] for h in host_ids]}
    if action == "provision":
        host, name = request["host"], request["name"]
        if host not in host_ids:
            raise LookupError(f"no host {host}")
        if any(vm["name"] == name for vm in state["vms"]):
            raise ValueError(f"{name} exists already")
        template = request.get("template", "")
        if template and template not in [t["name"] for t in state["templates"]]:
            raise LookupError(f"no template {template}")
        # A real workflow would clone the image and call its provisioning system here.
        state["vms"].append({"name": name, "host": host, "state": "running",
                             "vcpus": int(request.get("vcpus", 1)),
                             "memoryMiB": int(request.get("memoryMiB", 64)), "template": template})
        return {}
    if action in ("start", "stop", "reboot"):
        vm = find_vm(state, request["host"], request["name"])
        if action == "reboot" and vm["state"] != "running":
            raise ValueError(f"{vm['name']} is not running")
        vm["state"] = "stopped" if action == "stop" else "running"
        return {}
    if action == "delete":
        vm = find_vm(state, request["host"], request["name"])
        state["vms"].remove(vm)
        return {}
    if action == "clone":
        vm = find_vm(state, request["host"], request["name"])
        copy = dict(vm, name=request["newName"], state="stopped")
        state["vms"].append(copy)
        return {}
    raise ValueError(f"unknown action {action!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--state", required=True)
    args = parser.parse_args()
    try:
        request = json.load(sys.stdin)
    except json.JSONDecodeError as error:
        print(json.dumps({"ok": False, "error": f"bad request: {error}"}))
        return 0
    # One operation at a time: the lock file serialises concurrent calls.
    with open(args.state + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = DEFAULT_STATE
        if os.path.exists(args.state):
            with open(args.state) as f:
                state = json.load(f)
        try:
            answer = handle(state, request)
        except (LookupError, ValueError, KeyError) as error:
            print(json.dumps({"ok": False, "error": str(error)}))
            return 0
        tmp = args.state + ".tmp"
        with open(tmp, "w") as f:
            json.dump(state, f, indent=1)
        os.replace(tmp, args.state)
    print(json.dumps(dict(answer, ok=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
